using CareFlows.Server.Audit;

namespace CareFlows.Server.Runtime.Work;

/// <summary>
/// Records what a request did that changes nothing stored — a read of patient data — in the writer's next batch, so
/// that many people reading at once share its commits instead of each taking the chain's head in turn.
/// </summary>
internal sealed class RecordWork(AuditChange change) : WorkItem<bool>
{
    public override Task RunAsync(BurstScope scope)
    {
        Audit(scope, change);
        Staged = true;
        return Task.CompletedTask;
    }
}

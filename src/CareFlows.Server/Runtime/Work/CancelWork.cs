using CareFlows.Server.Audit;
namespace CareFlows.Server.Runtime.Work;

/// <summary>Cancels an instance: its bookmarks are removed and nothing of it runs again.</summary>
internal sealed class CancelWork(string instanceId, string? reason) : WorkItem<ResumeOutcome>
{
    public override string InstanceId => instanceId;

    public override void Plan(SnapshotPlan plan) => plan.Instance(instanceId);

    public override async Task RunAsync(BurstScope scope)
    {
        var slot = await scope.FindSlotAsync(instanceId);
        if (ResumeWork.Refusal(slot, bookmarkId: null) is { } refusal)
        {
            Staged = refusal;
            return;
        }

        var before = InstanceAudit.Describe(slot!.State);
        await scope.CancelAsync(slot, reason);
        Audit(scope, InstanceAudit.Change("instance.cancel", AuditActions.Update, slot.State, before, reason));
        Staged = new ResumeOutcome(ResumeStatus.Resumed, InstanceSnapshot.Of(slot!.State));
    }
}

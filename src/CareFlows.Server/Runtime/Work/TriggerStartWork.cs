using CareFlows.Engine.Execution;
using CareFlows.Server.Persistence.Entities;

namespace CareFlows.Server.Runtime.Work;

/// <summary>
/// Starts the instance of one occurrence of a Timer, Cron or StartAt trigger, unless another node has started it
/// already or the version is no longer published: the occurrence's row, written with the instance, lets exactly one
/// node start it. The answer is null when this node did not start it.
/// </summary>
internal sealed class TriggerStartWork(CompiledWorkflow workflow, TriggerOccurrence occurrence) : WorkItem<InstanceSnapshot?>
{
    public override void Plan(SnapshotPlan plan)
    {
        plan.Occurrence(occurrence);
        plan.Published(workflow.DefinitionVersionId);
    }

    public override async Task RunAsync(BurstScope scope)
    {
        if (await scope.OccurrenceStartedAsync(occurrence) || !await scope.IsPublishedAsync(workflow.DefinitionVersionId))
        {
            Staged = null;
            return;
        }

        var slot = await scope.StartAsync(workflow, new StartRequest { TriggerActivityId = occurrence.ActivityId });
        scope.Changes.Occurrences.Add(new TriggerOccurrenceRecord
        {
            DefinitionVersionId = occurrence.DefinitionVersionId,
            ActivityId = occurrence.ActivityId,
            OccursAt = occurrence.OccursAt,
            InstanceId = slot.Id,
            StartedAt = scope.Runtime.Clock.GetUtcNow().UtcDateTime,
        });
        Staged = InstanceSnapshot.Of(slot.State);
    }
}

using CareFlows.Engine.Execution;
using CareFlows.Server.Audit;
using CareFlows.Server.Infrastructure;

namespace CareFlows.Server.Runtime.Work;

/// <summary>
/// Starts an instance of a published version and runs its first burst. The version must still be published when the
/// instance commits: a version retired meanwhile, on any node, starts nothing.
/// </summary>
internal sealed class StartWork(CompiledWorkflow workflow, StartRequest request) : WorkItem<InstanceSnapshot>
{
    /// <summary>
    /// The buffered events for the wait points the new instance is likely to reach: it nearly always reaches one, and
    /// read with the group's other reads they cost no round trip of their own.
    /// </summary>
    public override void Plan(SnapshotPlan plan)
    {
        plan.Published(workflow.DefinitionVersionId);
        foreach (var key in LikelyWaits(plan.Runtime, workflow, request.CorrelationId))
        {
            plan.Buffered(key);
        }
    }

    public override async Task RunAsync(BurstScope scope)
    {
        if (!await scope.IsPublishedAsync(workflow.DefinitionVersionId))
        {
            throw new ConflictException($"Version {workflow.Version} of '{workflow.DefinitionId}' is not published (any more); it starts no new instances.");
        }

        var state = (await scope.StartAsync(workflow, request)).State;
        Audit(scope, InstanceAudit.Change("instance.start", AuditActions.Create, state, before: null));
        Staged = InstanceSnapshot.Of(state);
    }

    /// <summary>Every event name the version is known to wait for, under the instance's correlation id (none without one).</summary>
    public static IEnumerable<EventKey> LikelyWaits(RuntimeContext runtime, CompiledWorkflow workflow, string? correlationId) =>
        string.IsNullOrEmpty(correlationId)
            ? []
            : runtime.EventWaits.For(workflow.DefinitionVersionId).Select(name => new EventKey(name, correlationId));
}

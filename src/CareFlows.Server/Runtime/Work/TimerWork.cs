using System.Text.Json.Nodes;
using CareFlows.Engine.Activities.Tasks;
using CareFlows.Server.Runtime.Work.Tasks;

namespace CareFlows.Server.Runtime.Work;

/// <summary>
/// A timer bookmark came due (Quartz fired it, or start-up found it overdue). A task's deadline is first weighed
/// against the task as it is (<see cref="TaskDeadlines"/>), which may escalate it in the same transaction; any other
/// timer is simply resumed. A timer consumed meanwhile makes this a harmless no-op.
/// </summary>
internal sealed class TimerWork(string instanceId, string bookmarkId) : WorkItem<ResumeOutcome>
{
    public override string InstanceId => instanceId;

    public override void Plan(SnapshotPlan plan) => plan.Instance(instanceId);

    public override async Task RunAsync(BurstScope scope)
    {
        var slot = await scope.FindSlotAsync(instanceId);
        if (ResumeWork.Refusal(slot, bookmarkId) is { } refusal)
        {
            Staged = refusal;
            return;
        }

        var bookmark = slot!.State.FindBookmark(bookmarkId)!;
        JsonNode? input = null;
        string? taskId = null;
        if (HumanTask.IsDeadline(bookmark))
        {
            (input, taskId) = await TaskDeadlines.WeighAsync(scope, slot, bookmark);
        }

        await scope.ResumeAsync(slot, bookmarkId, input);
        if (taskId is not null)
        {
            TaskDeadlines.MarkExpired(scope, taskId);
        }

        Staged = new ResumeOutcome(ResumeStatus.Resumed, InstanceSnapshot.Of(slot.State));
    }
}

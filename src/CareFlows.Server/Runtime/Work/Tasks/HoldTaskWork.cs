using CareFlows.Server.Inbox;
using CareFlows.Server.Persistence.Entities;

namespace CareFlows.Server.Runtime.Work.Tasks;

/// <summary>Puts a task on hold (waiting on something outside the team) or releases it back to where it was.</summary>
internal sealed class HoldTaskWork(string taskId, TaskRequester requester, bool hold, string? reason) : TaskWork(taskId, requester)
{
    protected override string Operation => hold ? "task.hold" : "task.release";

    protected override Task<TaskOutcome> ApplyAsync(BurstScope scope, InstanceSlot slot, TaskRow task)
    {
        if (hold == (task.Status == InboxTaskStatus.OnHold))
        {
            return Task.FromResult(TaskOutcome.Conflict(hold ? "The task is on hold already." : "The task is not on hold."));
        }

        var status = hold ? InboxTaskStatus.OnHold : task.Owner is null ? InboxTaskStatus.Ready : InboxTaskStatus.InProgress;
        return Task.FromResult(Update(scope, slot, task, hold ? "held" : "released", Details(("reason", reason)), status));
    }
}

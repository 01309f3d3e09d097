using CareFlows.Server.Inbox;
using CareFlows.Server.Persistence.Entities;

namespace CareFlows.Server.Runtime.Work.Tasks;

/// <summary>Takes a task from its team queue (or starts one assigned to the actor): it becomes theirs, in progress.</summary>
internal sealed class ClaimTaskWork(string taskId, TaskRequester requester) : TaskWork(taskId, requester)
{
    protected override string Operation => "task.claim";

    protected override Task<TaskOutcome> ApplyAsync(BurstScope scope, InstanceSlot slot, TaskRow task)
    {
        if (task.Owner is { } owner && owner != Requester.UserId)
        {
            return Task.FromResult(TaskOutcome.Conflict("The task is already someone else's; they must unclaim it, or it must be reassigned."));
        }

        if (task.Status == InboxTaskStatus.OnHold)
        {
            return Task.FromResult(TaskOutcome.Conflict("The task is on hold; release it first."));
        }

        return Task.FromResult(task.Status == InboxTaskStatus.InProgress
            ? TaskOutcome.Done
            : Update(scope, slot, task, "claimed", null, InboxTaskStatus.InProgress, Requester.UserId));
    }
}

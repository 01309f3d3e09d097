using CareFlows.Server.Inbox;
using CareFlows.Server.Persistence.Entities;

namespace CareFlows.Server.Runtime.Work.Tasks;

/// <summary>Gives a claimed task back to its team queues.</summary>
internal sealed class UnclaimTaskWork(string taskId, TaskRequester requester) : TaskWork(taskId, requester)
{
    protected override string Operation => "task.unclaim";

    protected override Task<TaskOutcome> ApplyAsync(BurstScope scope, InstanceSlot slot, TaskRow task)
    {
        if (task.Owner is null)
        {
            return Task.FromResult(TaskOutcome.Conflict("The task is not claimed."));
        }

        if (task.Owner != Requester.UserId && !Requester.IsAdmin)
        {
            return Task.FromResult(TaskOutcome.Forbidden("Only the task's owner or an administrator may unclaim it."));
        }

        if (task.Teams.Count == 0)
        {
            return Task.FromResult(TaskOutcome.Conflict("The task has no team queue to return to; reassign it instead."));
        }

        return Task.FromResult(Update(scope, slot, task, "unclaimed", Details(("from", task.Owner)), InboxTaskStatus.Ready, clearOwner: true));
    }
}

using CareFlows.Server.Inbox;
using CareFlows.Server.Persistence.Entities;

namespace CareFlows.Server.Runtime.Work.Tasks;

/// <summary>
/// Passes a task on: to a person (<paramref name="toUser"/>, already checked to exist; it waits in their inbox, ready),
/// or to a team's queue (<paramref name="toTeam"/>, unowned). <paramref name="delegating"/> marks the owner handing
/// their own task to a colleague, recorded as a delegation.
/// </summary>
internal sealed class ReassignTaskWork(string taskId, TaskRequester requester, string? toUser, string? toTeam, bool delegating) : TaskWork(taskId, requester)
{
    protected override string Operation => delegating ? "task.delegate" : "task.reassign";

    protected override Task<TaskOutcome> ApplyAsync(BurstScope scope, InstanceSlot slot, TaskRow task)
    {
        if (delegating && task.Owner != Requester.UserId)
        {
            return Task.FromResult(TaskOutcome.Forbidden("Only the task's owner may delegate it."));
        }

        var details = Details(("fromUser", task.Owner), ("toUser", toUser), ("toTeam", toTeam));
        scope.Notify([toUser], delegating ? NotificationKinds.Delegated : NotificationKinds.Assigned, task.Id,
            delegating ? $"'{task.Title}' was delegated to you." : $"'{task.Title}' was assigned to you.");
        var action = delegating ? "delegated" : "reassigned";
        return Task.FromResult(toTeam is not null
            ? Update(scope, slot, task, action, details, InboxTaskStatus.Ready, clearOwner: true, teams: [toTeam])
            : Update(scope, slot, task, action, details, delegating ? InboxTaskStatus.InProgress : InboxTaskStatus.Ready, toUser));
    }
}

using System.Text.Json.Nodes;
using CareFlows.Server.Inbox;

namespace CareFlows.Server.Runtime.Work.Tasks;

/// <summary>
/// Adds to a task's history without changing the task: a comment, or an outreach attempt (when, channel, result,
/// note). <paramref name="action"/> is <c>commented</c> or <c>attempted</c>.
/// </summary>
internal sealed class NoteTaskWork(string taskId, TaskRequester requester, string action, JsonObject details) : TaskWork(taskId, requester)
{
    protected override Task<TaskOutcome> ApplyAsync(BurstScope scope, InstanceSlot slot, TaskRow task)
    {
        var at = scope.Runtime.StoredNow;
        scope.NoteTask(slot, InboxTaskRows.History(task.Id, at, task.Status, action, details, Requester.UserId));
        return Task.FromResult(TaskOutcome.Done);
    }
}

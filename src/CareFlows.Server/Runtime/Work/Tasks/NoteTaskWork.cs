using System.Text.Json.Nodes;
using CareFlows.Engine.Activities.Tasks;
using CareFlows.Engine.Definitions;
using CareFlows.Server.Inbox;

namespace CareFlows.Server.Runtime.Work.Tasks;

/// <summary>
/// Adds to a task's history without changing the task: a comment, or an outreach attempt (when, channel, result,
/// note). <paramref name="action"/> is <c>commented</c> or <c>attempted</c>. An unsuccessful attempt that reaches the
/// number its task's outreach rule names escalates the task in the same transaction.
/// </summary>
internal sealed class NoteTaskWork(string taskId, TaskRequester requester, string action, JsonObject details) : TaskWork(taskId, requester)
{
    protected override string Operation => action == Attempted ? "task.attempt" : "task.comment";

    protected override JsonObject? AuditedDetails => details;

    public const string Attempted = "attempted";

    protected override async Task<TaskOutcome> ApplyAsync(BurstScope scope, InstanceSlot slot, TaskRow task)
    {
        var at = scope.Runtime.StoredNow;
        var note = InboxTaskRows.History(task.Id, at, task.Status, action, details, Requester.UserId);
        if (action == Attempted && !IsSuccessful(details) && OutreachOf(slot, task) is { } outreach)
        {
            var unsuccessful = (await TaskAttempts.ReadAsync(scope, task.Id)).Count(a => !IsSuccessful(a)) + 1;
            if (unsuccessful == outreach.EscalateAfter)
            {
                // One history, in order: the attempt, then the escalation it set off.
                scope.UpdateTask(slot, task, task.Status, task.Owner, null, at, null, note);
                await TaskEscalation.ApplyAsync(scope, slot, task, new JsonObject { ["unsuccessfulAttempts"] = unsuccessful }, outreach.Escalate);
                return TaskOutcome.Done;
            }
        }

        scope.NoteTask(slot, note);
        return TaskOutcome.Done;
    }

    private static bool IsSuccessful(JsonObject? attempt) => JsonText.StringOf(attempt, "result") == TaskOutreach.Reached;

    private static TaskOutreach? OutreachOf(InstanceSlot slot, TaskRow task) =>
        TaskOutreach.Parse(slot.State.FindBookmark(task.BookmarkId)?.Payload?["outreach"]);
}

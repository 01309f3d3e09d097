using System.Text.Json.Nodes;
using CareFlows.Engine.Activities.Tasks;
using CareFlows.Engine.Execution;
using CareFlows.Server.Inbox;
using CareFlows.Server.Persistence.Entities;

namespace CareFlows.Server.Runtime.Work.Tasks;

/// <summary>
/// Completes a task with an outcome and the form's data, and resumes its workflow with them in the same transaction:
/// exactly once, however many people submit at the same time. An unclaimed task of the actor's team is claimed on
/// the way; a task someone else holds is refused.
/// </summary>
internal sealed class CompleteTaskWork(string taskId, TaskRequester requester, string? outcome, JsonNode? data, CompletionRules? rules) : TaskWork(taskId, requester)
{
    protected override string Operation => "task.complete";

    protected override async Task<TaskOutcome> ApplyAsync(BurstScope scope, InstanceSlot slot, TaskRow task)
    {
        if (rules?.Invoke(task.Record, outcome, data) is { Count: > 0 } errors)
        {
            return new TaskOutcome(TaskOutcomeStatus.Invalid, "The request is invalid.", errors);
        }

        if (task.Owner is { } owner && owner != Requester.UserId && !Requester.IsAdmin)
        {
            return TaskOutcome.Conflict("The task is someone else's; only its owner may complete it.");
        }

        if (task.Status == InboxTaskStatus.OnHold)
        {
            return TaskOutcome.Conflict("The task is on hold; release it first.");
        }

        if (ResumeWork.Refusal(slot, task.BookmarkId) is { } refusal)
        {
            // The instance moved on without the task (it finished or the bookmark went) in a change not yet seen on the task.
            return TaskOutcome.Conflict($"The task can no longer be completed ({refusal.Status}).");
        }

        var input = task.Kind == nameof(HumanTask) ? new JsonObject { ["outcome"] = outcome, ["data"] = data?.DeepClone() } : data?.DeepClone();
        if (input is JsonObject resume && slot.State.FindBookmark(task.BookmarkId)?.Payload?["outreach"] is not null)
        {
            // An outreach task's flow decides on its attempts (were there two before the deadline?), so it is handed them.
            resume["attempts"] = new JsonArray([.. (await TaskAttempts.ReadAsync(scope, task.Id)).Select(a => (JsonNode)a)]);
        }

        try
        {
            await scope.ResumeAsync(slot, task.BookmarkId, input);
        }
        catch (InvalidResumeInputException e)
        {
            // The server checks the form before it asks; this is the engine's own guard, which has the last word.
            return new TaskOutcome(TaskOutcomeStatus.Invalid, e.Message);
        }

        // Claimed on the way: its history says who took it before saying it was completed.
        return task.Owner is null ? Update(scope, slot, task, "claimed", null, InboxTaskStatus.InProgress, Requester.UserId) : TaskOutcome.Done;
    }
}

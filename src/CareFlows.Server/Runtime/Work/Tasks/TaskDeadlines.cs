using System.Text.Json.Nodes;
using CareFlows.Engine.Activities.Tasks;
using CareFlows.Engine.Bookmarks;
using CareFlows.Server.Persistence.Entities;

namespace CareFlows.Server.Runtime.Work.Tasks;

/// <summary>
/// What a task's deadline does when it comes due. A not-started deadline is met when someone claimed the task in
/// time; a not-completed deadline is missed whenever it fires, since completing a task removes its deadlines. A missed
/// deadline escalates the task as its definition says — reassign to a team, raise the priority, notify — recorded in
/// the task's history in the transaction that resumes the deadline, and the engine then takes the Overdue or Expired
/// port, if one is named.
/// </summary>
internal static class TaskDeadlines
{
    /// <summary>The resume input for the deadline, and the task's id when a missed deadline's task may expire.</summary>
    public static async Task<(JsonNode? Input, string? ExpiringTaskId)> WeighAsync(BurstScope scope, InstanceSlot slot, Bookmark deadline)
    {
        var payload = deadline.Payload!;
        var taskId = payload["taskId"]?.GetValue<string>();
        var task = taskId is null ? null : await scope.Snapshot.TaskAsync(taskId);
        if (task is null || !task.IsOpen)
        {
            return (new JsonObject { ["met"] = true }, null);
        }

        scope.Changes.Reads.TaskRevisions[task.Id] = task.Revision;
        var kind = payload["deadline"]!.GetValue<string>();
        if (kind == TaskDeadline.NotStarted && task.Status != InboxTaskStatus.Ready)
        {
            return (new JsonObject { ["met"] = true }, null);
        }

        await TaskEscalation.ApplyAsync(scope, slot, task, new JsonObject { ["deadline"] = kind }, payload["escalate"] as JsonObject);
        return (null, payload["port"]?.ToString() == TaskDeadline.ExpiredPort ? task.Id : null);
    }

    /// <summary>A task ended by its deadline's Expired port says so in its history, rather than "cancelled".</summary>
    public static void MarkExpired(BurstScope scope, string taskId)
    {
        var index = scope.Changes.TaskChanges.FindIndex(c => c.TaskId == taskId);
        if (index >= 0)
        {
            var change = scope.Changes.TaskChanges[index];
            change.History.Action = "expired";
        }
    }
}

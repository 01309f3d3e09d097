using System.Text.Json;
using System.Text.Json.Nodes;
using CareFlows.Engine.Activities.Tasks;
using CareFlows.Engine.Bookmarks;
using CareFlows.Engine.Definitions;
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

        await EscalateAsync(scope, slot, task, kind, payload["escalate"] as JsonObject);
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

    private static async Task EscalateAsync(BurstScope scope, InstanceSlot slot, TaskRow task, string kind, JsonObject? escalate)
    {
        var team = JsonText.TextOf(escalate, "reassignTo");
        var priority = RaisedPriority(task.Priority, escalate?["raisePriority"]);
        var details = new JsonObject
        {
            ["deadline"] = kind,
            ["reassignTo"] = team,
            ["fromPriority"] = priority == task.Priority ? null : task.Priority,
            ["priority"] = priority == task.Priority ? null : priority,
            ["notify"] = escalate?["notify"]?.DeepClone(),
        };
        var at = scope.Runtime.StoredNow;
        var status = team is null ? task.Status : InboxTaskStatus.Ready;
        var history = InboxTaskRows.History(task.Id, at, status, "escalated", details);
        scope.UpdateTask(slot, task, status, team is null ? task.Owner : null, null, at, team is null ? null : [team], history, priority);
        await NotifyAsync(scope, task, team is null ? task.Teams : [team], escalate);
    }

    /// <summary>
    /// <c>notify</c> names who hears of it: <c>owner</c> (the person who held the task: deadline missed) and <c>team</c>
    /// (every member of the teams whose queue it is now in: escalated to your team); the owner when it says nothing.
    /// </summary>
    private static async Task NotifyAsync(BurstScope scope, TaskRow task, IReadOnlyList<string> teams, JsonObject? escalate)
    {
        var notify = escalate?["notify"] is JsonArray list ? list.Select(n => n?.ToString()).ToList() : ["owner"];
        if (notify.Contains("owner"))
        {
            scope.Notify([task.Owner], NotificationKinds.DeadlineMissed, task.Id, $"The deadline of '{task.Title}' has passed.");
        }

        if (notify.Contains("team"))
        {
            var members = new List<string>();
            foreach (var team in teams)
            {
                members.AddRange(await scope.Snapshot.TeamMembersAsync(team));
            }

            scope.Notify(members, NotificationKinds.Escalated, task.Id, $"'{task.Title}' was escalated to your team.");
        }
    }

    /// <summary><c>raisePriority</c> names the new priority, or is <c>true</c> for the next one up; it never lowers it.</summary>
    private static string RaisedPriority(string current, JsonNode? raise)
    {
        var levels = HumanTask.Priorities;
        var now = Math.Max(0, levels.ToList().IndexOf(current));
        var wanted = raise?.GetValueKind() switch
        {
            JsonValueKind.True => now + 1,
            JsonValueKind.String => levels.ToList().IndexOf(raise.GetValue<string>()),
            _ => now,
        };
        return levels[Math.Clamp(Math.Max(now, wanted), 0, levels.Count - 1)];
    }
}

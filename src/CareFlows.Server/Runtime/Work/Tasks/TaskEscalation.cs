using System.Text.Json;
using System.Text.Json.Nodes;
using CareFlows.Engine.Activities.Tasks;
using CareFlows.Engine.Definitions;
using CareFlows.Server.Persistence.Entities;

namespace CareFlows.Server.Runtime.Work.Tasks;

/// <summary>
/// Escalating a task, whatever set it off: reassign it to a team's queue, raise its priority, tell people — recorded in
/// the task's history, in the transaction that decided it.
/// </summary>
internal static class TaskEscalation
{
    /// <summary>
    /// Escalates the task: <paramref name="reason"/> says why (a missed deadline, too many unsuccessful attempts) and
    /// starts the history entry's details; <paramref name="escalate"/> says what is done.
    /// </summary>
    public static async Task ApplyAsync(BurstScope scope, InstanceSlot slot, TaskRow task, JsonObject reason, JsonObject? escalate)
    {
        // A task already in that team's hands stays with whoever there holds it: escalating it again must not take it back.
        var team = JsonText.TextOf(escalate, "reassignTo") is { } target && !(task.Teams.Count == 1 && task.Teams[0] == target) ? target : null;
        var priority = RaisedPriority(task.Priority, escalate?["raisePriority"]);
        var details = reason;
        details["reassignTo"] = team;
        details["fromPriority"] = priority == task.Priority ? null : task.Priority;
        details["priority"] = priority == task.Priority ? null : priority;
        details["notify"] = escalate?["notify"]?.DeepClone();
        var at = scope.Runtime.StoredNow;
        var status = team is null ? task.Status : InboxTaskStatus.Ready;
        var history = InboxTaskRows.History(task.Id, at, status, "escalated", details);
        scope.UpdateTask(slot, task, status, team is null ? task.Owner : null, null, at, team is null ? null : [team], history, priority);
        await NotifyAsync(scope, task, team is null ? task.Teams : [team], escalate, Why(reason, task.Title));
    }

    /// <summary>What the owner is told happened.</summary>
    private static string Why(JsonObject reason, string title) =>
        reason["unsuccessfulAttempts"] is { } attempts
            ? $"'{title}' was escalated after {attempts} unsuccessful attempts."
            : $"The deadline of '{title}' has passed.";

    /// <summary>
    /// <c>notify</c> names who hears of it: <c>owner</c> (the person who held the task: deadline missed) and <c>team</c>
    /// (every member of the teams whose queue it is now in: escalated to your team); the owner when it says nothing.
    /// </summary>
    private static async Task NotifyAsync(BurstScope scope, TaskRow task, IReadOnlyList<string> teams, JsonObject? escalate, string why)
    {
        var notify = escalate?["notify"] is JsonArray list ? list.Select(n => n?.ToString()).ToList() : ["owner"];
        if (notify.Contains("owner"))
        {
            scope.Notify([task.Owner], NotificationKinds.DeadlineMissed, task.Id, why);
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

using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CareFlows.Engine.Activities.Tasks;
using CareFlows.Engine.Bookmarks;
using CareFlows.Engine.Definitions;
using CareFlows.Server.Persistence.Entities;

namespace CareFlows.Server.Runtime;

/// <summary>
/// The inbox rows a task bookmark stands for: what <see cref="HumanTask"/> or <see cref="RunTask"/> put in its payload,
/// shaped for the inbox's queries, and the history entry of each change the workflow makes to it.
/// </summary>
internal static class InboxTaskRows
{
    private const string RunTaskKind = "RunTask";

    /// <summary>The task a new task bookmark creates, with the teams whose queues it appears in.</summary>
    public static NewInboxTask Create(InstanceSlot slot, Bookmark bookmark)
    {
        var payload = bookmark.Payload ?? [];
        var kind = JsonText.TextOf(payload, "kind") ?? RunTaskKind;
        var patient = payload["patient"] as JsonObject;
        var priority = JsonText.TextOf(payload, "priority") ?? "routine";
        var at = Time(payload, "createdAt") ?? bookmark.CreatedAt.UtcDateTime;
        var task = new InboxTaskRecord
        {
            Id = bookmark.TaskId!,
            InstanceId = slot.Id,
            BookmarkId = bookmark.Id,
            DefinitionId = slot.Workflow.DefinitionId,
            DefinitionVersion = slot.Workflow.Version,
            Pathway = slot.Workflow.Definition.Name,
            ActivityId = bookmark.ActivityId,
            Kind = kind,
            Title = JsonText.TextOf(payload, "title") ?? JsonText.TextOf(payload, "taskName") ?? bookmark.ActivityId,
            Instructions = JsonText.TextOf(payload, "instructions"),
            PatientId = JsonText.TextOf(patient, "id") ?? JsonText.TextOf(payload, "patientReference"),
            PatientName = JsonText.TextOf(patient, "name"),
            PatientMrn = JsonText.TextOf(patient, "mrn"),
            PatientBirthDate = JsonText.TextOf(patient, "birthDate") is { } birthDate ? DateOnly.ParseExact(birthDate, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
            BusinessStatus = JsonText.TextOf(payload, "stage"),
            Status = InboxTaskStatus.Ready,
            Priority = priority,
            PriorityRank = HumanTask.PriorityRank(priority),
            Owner = JsonText.TextOf(payload, "assignee"),
            DueAt = Time(payload, "dueAt"),
            FollowUpAt = Time(payload, "followUpAt"),
            Form = payload["form"]?.ToJsonString(),
            Outcomes = payload["outcomes"]?.ToJsonString() ?? $"[\"{HumanTask.DefaultOutcome}\"]",
            Input = kind == RunTaskKind ? payload["payload"]?.ToJsonString() : null,
            CreatedAt = at,
            UpdatedAt = at,
            Revision = 1,
        };
        var teams = payload["candidateTeams"] is JsonArray array
            ? array.Select(t => t?.ToString()).OfType<string>().Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToList()
            : [];
        return new NewInboxTask(task, teams, History(task.Id, at, InboxTaskStatus.Ready, "created", null));
    }

    /// <summary>The change when the workflow resumed the task's bookmark with <paramref name="input"/> (<c>{"outcome", "data"}</c>).</summary>
    public static InboxTaskChange Completed(Bookmark bookmark, JsonNode? input, DateTimeOffset at, string? actor)
    {
        var outcome = input is JsonObject obj && obj["outcome"] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
        var data = input is JsonObject withData && bookmark.Payload?["kind"]?.ToString() != RunTaskKind ? withData["data"] : input;
        var details = new JsonObject { ["outcome"] = outcome };
        return new InboxTaskChange(bookmark.TaskId!, InboxTaskStatus.Completed, outcome, data?.ToJsonString(), StoredTime.Of(at),
            History(bookmark.TaskId!, StoredTime.Of(at), InboxTaskStatus.Completed, "completed", details, actor));
    }

    /// <summary>The change when the task's bookmark went away without being resumed: its instance or its branch was cancelled.</summary>
    public static InboxTaskChange Cancelled(Bookmark bookmark, DateTimeOffset at, string? actor) =>
        new(bookmark.TaskId!, InboxTaskStatus.Cancelled, null, null, StoredTime.Of(at),
            History(bookmark.TaskId!, StoredTime.Of(at), InboxTaskStatus.Cancelled, "cancelled", null, actor));

    /// <summary>
    /// The task as the writer leaves it once <paramref name="update"/> and <paramref name="end"/> commit: the columns
    /// their statements set (RuntimeSql.UpdateTask, EndTask, UpdateAndEndTask), each moving the revision once. What a
    /// person's request answers with, without reading the row again.
    /// </summary>
    public static InboxTaskRecord After(InboxTaskRecord before, InboxTaskUpdate? update, InboxTaskChange? end)
    {
        var after = before.Copy();
        if (update is not null)
        {
            after.Status = update.Status;
            after.Owner = update.Owner;
            after.Priority = update.Priority;
            after.PriorityRank = HumanTask.PriorityRank(update.Priority);
            after.StartedAt = update.StartedAt;
            after.UpdatedAt = update.At;
        }

        if (end is not null)
        {
            after.Status = end.Status;
            after.Outcome = end.Outcome;
            after.Result = end.Result;
            after.UpdatedAt = end.At;
            after.EndedAt = end.At;
        }

        after.Revision += update is null && end is null ? 0 : 1;
        return after;
    }

    internal static InboxTaskHistoryRecord History(string taskId, DateTime at, string status, string action, JsonObject? details, string? actor = null) => new()
    {
        TaskId = taskId,
        At = at,
        Actor = actor,
        Action = action,
        Status = status,
        Details = details?.ToJsonString(),
    };

    private static DateTime? Time(JsonObject node, string name) =>
        node[name] is JsonValue v && v.TryGetValue<DateTimeOffset>(out var at) ? at.UtcDateTime
        : JsonText.TextOf(node, name) is { } text ? DateTimeOffset.Parse(text, CultureInfo.InvariantCulture).UtcDateTime : null;
}

/// <summary>A task to insert, with its candidate teams and its first history entry.</summary>
internal sealed record NewInboxTask(InboxTaskRecord Task, IReadOnlyList<string> Teams, InboxTaskHistoryRecord History)
{
    /// <summary>The entry of the change that ended the task in the request that created it; null while it is open.</summary>
    public InboxTaskHistoryRecord? Ended { get; init; }
}

/// <summary>
/// A task as a person's request left it: its status, owner, priority and start time, the teams it is queued for when
/// they changed (null when they did not), and the history entries of the changes.
/// </summary>
internal sealed record InboxTaskUpdate(
    string TaskId,
    string Status,
    string? Owner,
    string Priority,
    DateTime? StartedAt,
    DateTime At,
    IReadOnlyList<string>? Teams,
    IReadOnlyList<InboxTaskHistoryRecord> History,
    DateTime? DueAt);

/// <summary>A change of a task's status made by a burst, with its history entry.</summary>
internal sealed record InboxTaskChange(string TaskId, string Status, string? Outcome, string? Result, DateTime At, InboxTaskHistoryRecord History);

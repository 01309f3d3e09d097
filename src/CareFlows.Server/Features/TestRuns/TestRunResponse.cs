using System.Text.Json;
using System.Text.Json.Nodes;
using CareFlows.Engine.Bookmarks;
using CareFlows.Engine.Execution;
using CareFlows.Engine.Journal;

namespace CareFlows.Server.Features.TestRuns;

/// <summary>
/// A test run as the designer shows it: the sandboxed instance (<c>instanceId</c>; a dispatched child has its own), the simulated clock (<c>now</c>), the workflow's history as an instance's
/// journal reads, the timers waiting (soonest first: moving the clock past one fires it), the events it waits for, the
/// tasks it created (open first, then completed; children's included), and per activity <c>done</c>, <c>active</c>
/// (waiting) or <c>faulted</c> for the canvas.
/// </summary>
public sealed record TestRunResponse(
    string Id,
    string DefinitionId,
    string InstanceId,
    string Status,
    string SubStatus,
    DateTimeOffset Now,
    DateTimeOffset StartedAt,
    JsonObject Variables,
    JsonObject Output,
    IReadOnlyList<TestJournalEntry> Journal,
    IReadOnlyList<TestTimer> Timers,
    IReadOnlyList<TestEventWait> Events,
    IReadOnlyList<TestTask> Tasks,
    IReadOnlyList<TestIncident> Incidents,
    IReadOnlyDictionary<string, string> ActivityStatus);

public sealed record TestJournalEntry(long Sequence, DateTimeOffset Timestamp, string ActivityId, string ActivityType, string? ActivityName, string EventName, string? Message);

/// <summary>A timer waiting in a test run; <c>deadline</c> names a task's deadline (<c>notStarted</c> or <c>notCompleted</c>).</summary>
public sealed record TestTimer(string BookmarkId, string InstanceId, string ActivityId, DateTimeOffset DueAt, string? Deadline);

public sealed record TestEventWait(string BookmarkId, string InstanceId, string ActivityId, string? EventName, string? CorrelationKey);

/// <summary>A task of a test run, <c>ready</c> or <c>completed</c>, with its form as the definition gave it.</summary>
public sealed record TestTask(
    string Id,
    string InstanceId,
    string ActivityId,
    string? Title,
    string? Instructions,
    string? Priority,
    DateTimeOffset? DueAt,
    string Status,
    string? Outcome,
    DateTimeOffset? CompletedAt,
    IReadOnlyList<string> Outcomes,
    JsonNode? Form);

public sealed record TestIncident(string ActivityId, string Message, DateTimeOffset Timestamp);

public static class TestRunMapping
{
    private static readonly JsonSerializerOptions ValueJson = new(JsonSerializerDefaults.Web);

    public static TestRunResponse ToResponse(this TestRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var root = run.Host.Find(run.RootInstanceId)!;
        var journal = run.Host.JournalOf(root.Id);
        var instances = run.Host.Instances;
        var open = run.OpenTasks().Select(t => Task(t.InstanceId, t.Bookmark, "ready", null, null));
        var completed = run.CompletedTasks.Reverse().Select(t => Task(t.InstanceId, t.Bookmark, "completed", t.Outcome, t.CompletedAt));
        return new TestRunResponse(
            run.Id,
            run.Workflow.DefinitionId,
            root.Id,
            root.Status.ToString(),
            root.SubStatus.ToString(),
            run.Clock.GetUtcNow(),
            run.StartedAt,
            Values(root.Variables),
            Values(root.Output),
            [.. journal.Select(j => new TestJournalEntry(j.Sequence, j.Timestamp, j.ActivityId, j.ActivityType, j.ActivityName, j.EventName, j.Message))],
            [.. instances.SelectMany(i => i.Bookmarks.Where(b => b.Kind == BookmarkKind.Timer && b.DueAt is not null)
                    .Select(b => new TestTimer(b.Id, i.Id, b.ActivityId, b.DueAt!.Value, b.Payload?["deadline"]?.GetValue<string>())))
                .OrderBy(t => t.DueAt)],
            [.. instances.SelectMany(i => i.Bookmarks.Where(b => b.Kind == BookmarkKind.Event)
                .Select(b => new TestEventWait(b.Id, i.Id, b.ActivityId, b.EventName, b.CorrelationKey)))],
            [.. open.Concat(completed)],
            [.. root.Incidents.Select(i => new TestIncident(i.ActivityId, i.Message, i.Timestamp))],
            StatusOf(root, journal));
    }

    /// <summary>Done once completed, active while it holds a bookmark, faulted when it raised an incident; the latest wins.</summary>
    public static IReadOnlyDictionary<string, string> StatusOf(WorkflowState state, IReadOnlyList<JournalEntry> journal)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(journal);
        var status = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in journal.Where(j => j.EventName is JournalEvents.Completed or JournalEvents.Faulted))
        {
            status[entry.ActivityId] = entry.EventName == JournalEvents.Faulted ? "faulted" : "done";
        }

        foreach (var bookmark in state.Bookmarks)
        {
            status[bookmark.ActivityId] = "active";
        }

        foreach (var incident in state.Incidents)
        {
            status[incident.ActivityId] = "faulted";
        }

        return status;
    }

    private static TestTask Task(string instanceId, Bookmark bookmark, string status, string? outcome, DateTimeOffset? completedAt)
    {
        var payload = bookmark.Payload;
        return new TestTask(
            bookmark.TaskId!,
            instanceId,
            bookmark.ActivityId,
            Text(payload, "title"),
            Text(payload, "instructions"),
            Text(payload, "priority"),
            payload?["dueAt"] is JsonValue due && due.TryGetValue<DateTimeOffset>(out var dueAt) ? dueAt : null,
            status,
            outcome,
            completedAt,
            payload?["outcomes"] is JsonArray outcomes ? [.. outcomes.Select(o => o!.GetValue<string>())] : [],
            payload?["form"]?.DeepClone());
    }

    private static string? Text(JsonObject? payload, string name) =>
        payload?[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static JsonObject Values(Dictionary<string, object?> values) =>
        JsonSerializer.SerializeToNode(values, ValueJson) as JsonObject ?? [];
}

using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CareFlows.Engine.Calendar;
using CareFlows.Engine.Definitions;
using CareFlows.Engine.Execution;

namespace CareFlows.Engine.Activities.Tasks;

/// <summary>
/// A deadline on a human task (jBPM's two kinds): <c>notStarted</c> — nobody claimed it by then — or <c>notCompleted</c>
/// — not done by then (by default its due time). When it passes, its escalation is applied (reassign to a team, raise
/// the priority, notify; the server does that) and, when it names a <see cref="Port"/>, the flow continues from
/// <c>Overdue</c> (the task stays open) or <c>Expired</c> (the task is cancelled).
/// <code>{"kind": "notStarted", "after": "04:00:00" | "businessDays": 1 | "at": "…", "escalate": {"reassignTo": "team",
/// "raisePriority": "asap", "notify": ["owner", "team"]}, "port": "Overdue" | "Expired"}</code>
/// </summary>
public sealed record TaskDeadline(string Kind, TimeSpan? After, int? BusinessDays, DateTimeOffset? At, JsonObject? Escalate, string? Port)
{
    public const string NotStarted = "notStarted";
    public const string NotCompleted = "notCompleted";
    public const string OverduePort = "Overdue";
    public const string ExpiredPort = "Expired";

    /// <summary>Reads the deadlines; a malformed one is a fault naming what is wrong.</summary>
    public static IReadOnlyList<TaskDeadline> Parse(JsonNode? deadlines)
    {
        if (deadlines is null)
        {
            return [];
        }

        if (deadlines is not JsonArray array)
        {
            throw Invalid("'Deadlines' must be an array.");
        }

        return [.. array.Select((node, i) => ParseOne(node as JsonObject ?? throw Invalid($"deadline {i} must be an object."), i))];
    }

    /// <summary>When the deadline passes for a task created at <paramref name="createdAt"/> and due at <paramref name="dueAt"/>; null when it cannot be told.</summary>
    public DateTimeOffset? PassesAt(DateTimeOffset createdAt, DateTimeOffset? dueAt, BusinessCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (At is { } at)
        {
            return at;
        }

        if (BusinessDays is { } days)
        {
            return calendar.AddBusinessDays(createdAt, days);
        }

        return After is { } after ? createdAt + after : Kind == NotCompleted ? dueAt : null;
    }

    private static TaskDeadline ParseOne(JsonObject deadline, int index)
    {
        var kind = JsonText.StringOf(deadline, "kind");
        if (kind is not (NotStarted or NotCompleted))
        {
            throw Invalid($"deadline {index}: 'kind' must be {NotStarted} or {NotCompleted}.");
        }

        var port = JsonText.StringOf(deadline, "port");
        if (port is not (null or OverduePort or ExpiredPort))
        {
            throw Invalid($"deadline {index}: 'port' must be {OverduePort} or {ExpiredPort}.");
        }

        TimeSpan? after = JsonText.StringOf(deadline, "after") is { } afterText
            ? TimeSpan.TryParse(afterText, CultureInfo.InvariantCulture, out var span) && span > TimeSpan.Zero ? span : throw Invalid($"deadline {index}: 'after' must be a positive time span, for example 04:00:00.")
            : null;
        DateTimeOffset? at = JsonText.StringOf(deadline, "at") is { } atText
            ? DateTimeOffset.TryParse(atText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var when) ? when : throw Invalid($"deadline {index}: 'at' must be a date and time.")
            : null;
        int? businessDays = JsonKeys.Get(deadline, "businessDays") is JsonValue days
            ? days.GetValueKind() == JsonValueKind.Number && days.TryGetValue<int>(out var n) && n >= 0 ? n : throw Invalid($"deadline {index}: 'businessDays' must be a whole number of days.")
            : null;
        if (kind == NotStarted && after is null && at is null && businessDays is null)
        {
            throw Invalid($"deadline {index}: a {NotStarted} deadline needs 'after', 'businessDays' or 'at'.");
        }

        return new TaskDeadline(kind, after, businessDays, at, JsonKeys.Get(deadline, "escalate") as JsonObject, port);
    }

    private static FaultException Invalid(string message) => new($"The task's deadlines are not valid: {message}", code: null, category: null);
}

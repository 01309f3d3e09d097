using System.Text.Json.Nodes;

namespace CareFlows.Engine.Bookmarks;

/// <summary>
/// A point where an instance waits: for a time, a named event, or a task to be completed.
/// Resuming consumes the bookmark and continues the activity that created it.
/// </summary>
public sealed record Bookmark
{
    /// <summary>Unique id; resuming names it.</summary>
    public required string Id { get; init; }

    public required BookmarkKind Kind { get; init; }

    /// <summary>The stimulus name: the type of the activity that waits, for example <c>Elsa.Delay</c>.</summary>
    public required string Name { get; init; }

    /// <summary>The activity that waits.</summary>
    public required string ActivityId { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When a timer bookmark comes due.</summary>
    public DateTimeOffset? DueAt { get; init; }

    /// <summary>The event an event bookmark waits for.</summary>
    public string? EventName { get; init; }

    /// <summary>The correlation key an event must carry to resume this bookmark.</summary>
    public string? CorrelationKey { get; init; }

    /// <summary>The task a task bookmark waits for.</summary>
    public string? TaskId { get; init; }

    /// <summary>Kind-specific details, for example a human task's specification or a cron expression.</summary>
    public JsonObject? Payload { get; init; }
}

/// <summary>What a bookmark waits for.</summary>
public enum BookmarkKind
{
    Timer,
    Event,
    Task,
}

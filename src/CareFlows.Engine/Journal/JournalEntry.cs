namespace CareFlows.Engine.Journal;

/// <summary>One step in an instance's history.</summary>
/// <param name="Sequence">Monotonic per instance, starting at 1.</param>
/// <param name="Timestamp">The engine clock's time when the step happened.</param>
/// <param name="ActivityId">The activity, or the root flowchart for instance-level events.</param>
/// <param name="ActivityType">The activity's type name.</param>
/// <param name="ActivityName">The activity's display name.</param>
/// <param name="EventName">What happened: Started, Completed, Suspended, Resumed, Faulted, Cancelled, Skipped, …</param>
/// <param name="Message">A short summary: outcomes, bookmark, incident message.</param>
public sealed record JournalEntry(
    long Sequence,
    DateTimeOffset Timestamp,
    string ActivityId,
    string ActivityType,
    string? ActivityName,
    string EventName,
    string? Message);

/// <summary>Journal event names.</summary>
public static class JournalEvents
{
    public const string Started = "Started";
    public const string Completed = "Completed";
    public const string Suspended = "Suspended";
    public const string Resumed = "Resumed";
    public const string Faulted = "Faulted";
    public const string Cancelled = "Cancelled";
    public const string Finished = "Finished";
    public const string BookmarkCreated = "BookmarkCreated";
    public const string BookmarkCancelled = "BookmarkCancelled";
    public const string Log = "Log";
}

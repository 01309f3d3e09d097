using System.Linq.Expressions;
using CareFlows.Server.Persistence.Entities;

namespace CareFlows.Server.Features.Instances.GetJournal;

/// <summary>Journal entries in sequence order.</summary>
/// <param name="Items">At most a page of entries.</param>
/// <param name="NextAfterSequence">Pass as <c>afterSequence</c> for the next page; null on the last page.</param>
public sealed record JournalPageResponse(IReadOnlyList<JournalEntryResponse> Items, long? NextAfterSequence);

/// <summary>One step of an instance's history.</summary>
/// <param name="Sequence">1, 2, 3, … per instance, with no gaps.</param>
/// <param name="Timestamp">When the step happened, by the engine's clock.</param>
/// <param name="ActivityId">The activity, or the root flowchart for instance-level events.</param>
/// <param name="ActivityType">The activity's type name.</param>
/// <param name="ActivityName">The activity's display name.</param>
/// <param name="EventName">Started, Completed, Suspended, Resumed, Faulted, Cancelled, Log, …</param>
/// <param name="Message">A short summary: outcome, bookmark, incident message, log line.</param>
public sealed record JournalEntryResponse(
    long Sequence,
    DateTime Timestamp,
    string ActivityId,
    string ActivityType,
    string? ActivityName,
    string EventName,
    string? Message);

public static class JournalEntryMapping
{
    public static readonly Expression<Func<JournalRecord, JournalEntryResponse>> ToResponse = j => new JournalEntryResponse(
        j.Sequence,
        j.Timestamp,
        j.ActivityId,
        j.ActivityType,
        j.ActivityName,
        j.EventName,
        j.Message);
}

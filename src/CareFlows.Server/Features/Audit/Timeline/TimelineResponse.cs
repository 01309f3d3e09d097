using System.Text.Json.Nodes;

namespace CareFlows.Server.Features.Audit.Timeline;

/// <summary>
/// Everything that happened to an instance or for a patient (the subject, by id), oldest first; truncated when there
/// was more than <see cref="Timelines.MaxEntries"/>, of which the newest are shown.
/// </summary>
public sealed record TimelineResponse(string Subject, IReadOnlyList<TimelineEntry> Items, bool Truncated);

/// <summary>
/// One thing that happened, from its source: <c>journal</c> (what the engine did: its event and activity), <c>task</c>
/// (a task's history: the action) or <c>audit</c> (who read or changed what: the operation, and the record's place in
/// the chain, and why when the actor said: break-the-glass reads carry <c>ETREAT</c> and the reason stated).
/// </summary>
public sealed record TimelineEntry(
    DateTime At,
    string Source,
    string What,
    string? InstanceId,
    string? TaskId,
    string? ActorId,
    string? ActorName,
    string? Outcome,
    long? Sequence,
    JsonNode? Details,
    string? PurposeOfUse = null,
    string? Reason = null);

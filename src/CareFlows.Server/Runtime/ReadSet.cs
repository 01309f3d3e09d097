namespace CareFlows.Server.Runtime;

/// <summary>
/// What a work item's bursts read of the committed state and decided on, outside the writer's transaction. Before it
/// commits the change set, the writer reads the same things again under the event-key locks, together with what the
/// batch's earlier change sets wrote; if any answer differs, the item is prepared again on the newer state.
/// </summary>
internal sealed class ReadSet
{
    /// <summary>The event bookmarks found waiting for an event, by the event's key (see <see cref="Engine.Bookmarks.EventMatch.Reaches"/>).</summary>
    public Dictionary<EventKey, HashSet<string>> Waiters { get; } = [];

    /// <summary>The unexpired buffered events found for a new wait point, by its key (see <see cref="Engine.Bookmarks.EventMatch.Takes"/>).</summary>
    public Dictionary<EventKey, HashSet<string>> Buffered { get; } = [];

    /// <summary>Idempotency keys found unused.</summary>
    public HashSet<string> UnusedReceipts { get; } = new(StringComparer.Ordinal);

    /// <summary>Definition versions found published, which the bursts started instances of.</summary>
    public HashSet<string> PublishedVersions { get; } = new(StringComparer.Ordinal);

    /// <summary>The revisions of the inbox tasks a person's request was decided on, by task id.</summary>
    public Dictionary<string, long> TaskRevisions { get; } = new(StringComparer.Ordinal);

    /// <summary>Trigger occurrences found not yet started.</summary>
    public HashSet<TriggerOccurrence> UnstartedOccurrences { get; } = [];

    /// <summary>
    /// True when the item was decided on nothing but the revisions of its instances and tasks, which the writes can
    /// guard themselves (see <see cref="Admission"/>).
    /// </summary>
    public bool OnlyRevisions =>
        Waiters.Count == 0 && Buffered.Count == 0 && UnusedReceipts.Count == 0 && PublishedVersions.Count == 0 && UnstartedOccurrences.Count == 0;

    /// <summary>The event keys whose reads a concurrent writer on another node must not interleave with (PostgreSQL locks).</summary>
    public IEnumerable<EventKey> EventKeys => Waiters.Keys.Concat(Buffered.Keys);
}

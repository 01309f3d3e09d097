using CareFlows.Engine.Bookmarks;
using CareFlows.Engine.Journal;
using CareFlows.Engine.Ports;
using CareFlows.Server.Audit;
using CareFlows.Server.Persistence.Entities;

namespace CareFlows.Server.Runtime;

/// <summary>
/// Everything one work item's bursts change, made outside the writer and committed by it in one transaction with the
/// other change sets of its batch, or not at all: instances, bookmarks consumed and created, journal entries, buffered
/// events, idempotency receipts, trigger occurrences and audit records. <see cref="Reads"/> says what it was decided on.
/// </summary>
internal sealed class ChangeSet
{
    public List<InstanceChange> Instances { get; } = [];

    /// <summary>Bookmarks created and still open, by id, with their instance.</summary>
    public Dictionary<string, (string InstanceId, Bookmark Bookmark)> CreatedBookmarks { get; } = new(StringComparer.Ordinal);

    /// <summary>Stored bookmarks consumed or cancelled, by id.</summary>
    public Dictionary<string, Bookmark> RemovedBookmarks { get; } = new(StringComparer.Ordinal);

    public List<(string InstanceId, JournalEntry Entry)> Journal { get; } = [];

    public Dictionary<string, BufferedEventRecord> BufferedInserts { get; } = new(StringComparer.Ordinal);

    /// <summary>Stored buffered events taken by a wait point.</summary>
    public HashSet<string> BufferedDeletes { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, EventReceiptRecord> Receipts { get; } = new(StringComparer.Ordinal);

    public List<TriggerOccurrenceRecord> Occurrences { get; } = [];

    /// <summary>Inbox tasks created with their bookmarks, by task id.</summary>
    public Dictionary<string, NewInboxTask> NewTasks { get; } = new(StringComparer.Ordinal);

    /// <summary>Stored inbox tasks the bursts completed or cancelled.</summary>
    public List<InboxTaskChange> TaskChanges { get; } = [];

    /// <summary>How the burst ended the task (completed or cancelled), if it did.</summary>
    public InboxTaskChange? TaskEndOf(string taskId) => TaskChanges.Find(c => c.TaskId == taskId);

    /// <summary>Stored inbox tasks a person changed (claimed, reassigned …), by task id.</summary>
    public Dictionary<string, InboxTaskUpdate> TaskUpdates { get; } = new(StringComparer.Ordinal);

    /// <summary>History entries that change no task row: comments, outreach attempts.</summary>
    public List<InboxTaskHistoryRecord> TaskNotes { get; } = [];

    /// <summary>Notifications of what the bursts did to tasks, for the people concerned.</summary>
    public List<NotificationRecord> Notifications { get; } = [];

    /// <summary>The audit records of what the bursts did at a person's or a client's request, chained as the batch commits.</summary>
    public List<AuditEntry> Audit { get; } = [];

    public ReadSet Reads { get; } = new();

    /// <summary>True when nothing is to be written: the item's answer stands on what it read.</summary>
    public bool IsEmpty =>
        Instances.Count == 0 && CreatedBookmarks.Count == 0 && RemovedBookmarks.Count == 0 && Journal.Count == 0
        && BufferedInserts.Count == 0 && BufferedDeletes.Count == 0 && Receipts.Count == 0 && Occurrences.Count == 0
        && NewTasks.Count == 0 && TaskChanges.Count == 0 && TaskUpdates.Count == 0 && TaskNotes.Count == 0 && Notifications.Count == 0
        && Audit.Count == 0;

    /// <summary>Whether committing this change set rests on the stored row <paramref name="key"/> names: an instance it changes, a task it was decided on.</summary>
    public bool RestsOn(string key) => Instances.Exists(i => i.Id == key) || Reads.TaskRevisions.ContainsKey(key);

    /// <summary>Timers created and still open, to schedule once committed.</summary>
    public IEnumerable<ScheduledBookmark> TimersToSchedule => CreatedBookmarks.Values
        .Where(b => b.Bookmark.Kind == BookmarkKind.Timer && b.Bookmark.DueAt is not null)
        .Select(b => new ScheduledBookmark(b.InstanceId, b.Bookmark.Id, b.Bookmark.DueAt!.Value));

    /// <summary>Stored timers that are gone, to unschedule once committed.</summary>
    public IEnumerable<string> TimersToUnschedule => RemovedBookmarks.Values.Where(b => b.Kind == BookmarkKind.Timer).Select(b => b.Id);
}

/// <summary>
/// An instance as a burst left it, ready to write: its state document and the columns queries filter on, and in
/// <c>Revision</c> the stored revision the burst started from (the guard), 0 for an instance it created.
/// </summary>
internal sealed record InstanceChange(
    string Id,
    string DefinitionId,
    string DefinitionVersionId,
    int DefinitionVersion,
    string? Name,
    string? CorrelationId,
    string Status,
    string SubStatus,
    int IncidentCount,
    string State,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    DateTime? FinishedAt,
    long Revision)
{
    public bool IsNew => Revision == 0;
}

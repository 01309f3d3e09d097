using CareFlows.Engine.Bookmarks;
using CareFlows.Server.Persistence;

namespace CareFlows.Server.Runtime;

/// <summary>
/// The writer's check, inside its transaction, that what each change set was decided on still holds: it reads again,
/// in one round trip, every instance revision, waiting bookmark, buffered event, published version, idempotency key
/// and trigger occurrence the batch's bursts read, and applies the change sets in order over what the earlier ones in
/// the batch change. A change set whose reads no longer hold is sent back to be prepared again on the newer state.
/// On PostgreSQL the reads are made under a transaction lock per event key, so that two nodes cannot each miss the
/// other's uncommitted row: publishing an event reads the bookmarks waiting for it and, finding none, buffers it;
/// reaching a wait point reads the buffered events and, finding none, adds a bookmark. Under the lock the second
/// node's check sees the first's commit. Keys are locked in order, so batches locking several cannot deadlock.
/// On PostgreSQL a batch decided on nothing but instance and task revisions costs no read at all: the writes guard
/// them (<see cref="RuntimeSql.UpdateInstanceOrFail"/>, <see cref="RuntimeSql.GuardTaskRevision"/>) in the same round
/// trip as the COMMIT, and a guard that fails rolls the batch back and sends back the change sets resting on that row.
/// </summary>
internal sealed class Admission(RuntimeContext runtime, RuntimeConnection writer)
{
    private readonly Dictionary<string, long> _revisions = new(StringComparer.Ordinal);
    private readonly Dictionary<EventKey, HashSet<string>> _waiters = [];
    private readonly Dictionary<EventKey, HashSet<string>> _buffered = [];
    private readonly HashSet<string> _receipts = new(StringComparer.Ordinal);
    private readonly HashSet<TriggerOccurrence> _occurrences = [];
    private readonly HashSet<string> _published = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _taskRevisions = new(StringComparer.Ordinal);

    // What the change sets admitted so far in this batch write.
    private readonly HashSet<string> _touched = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Bookmark> _createdEventBookmarks = new(StringComparer.Ordinal);
    private readonly HashSet<string> _removedBookmarks = new(StringComparer.Ordinal);
    private readonly List<(EventKey Key, string Id)> _bufferedInserts = [];
    private readonly HashSet<string> _bufferedDeletes = new(StringComparer.Ordinal);
    private readonly HashSet<string> _usedReceipts = new(StringComparer.Ordinal);
    private readonly HashSet<TriggerOccurrence> _startedOccurrences = [];

    /// <summary>Whether the batch's revisions are left for its writes to guard instead of read here (set by <see cref="Admit"/>).</summary>
    public bool GuardsInWrites { get; private set; }

    /// <summary>Splits the batch into the change sets that may commit and those to prepare again, with why.</summary>
    public (List<WorkItem> Admitted, List<(WorkItem Item, string Reason)> Rejected) Admit(IReadOnlyList<WorkItem> items)
    {
        GuardsInWrites = writer.CommitsWithWrites && items.All(i => i.Changes!.Reads.OnlyRevisions);
        if (GuardsInWrites)
        {
            AssumeRevisions(items.Select(i => i.Changes!));
        }
        else
        {
            ReadAgain(items.Select(i => i.Changes!));
        }

        var admitted = new List<WorkItem>(items.Count);
        var rejected = new List<(WorkItem, string)>();
        foreach (var item in items)
        {
            if (WhyNot(item.Changes!) is { } reason)
            {
                rejected.Add((item, reason));
            }
            else
            {
                Apply(item.Changes!);
                admitted.Add(item);
            }
        }

        return (admitted, rejected);
    }

    /// <summary>Takes each revision as the change set read it; the writes check it.</summary>
    private void AssumeRevisions(IEnumerable<ChangeSet> changes)
    {
        foreach (var changeSet in changes)
        {
            foreach (var instance in changeSet.Instances.Where(i => !i.IsNew))
            {
                _revisions.TryAdd(instance.Id, instance.Revision);
            }

            foreach (var (taskId, revision) in changeSet.Reads.TaskRevisions)
            {
                _taskRevisions.TryAdd(taskId, revision);
            }
        }
    }

    private void ReadAgain(IEnumerable<ChangeSet> changes)
    {
        var lookups = new LookupQueue(writer);
        var sets = changes.ToList();
        var now = runtime.Clock.GetUtcNow().UtcDateTime;
        var postgres = runtime.Provider == DatabaseProvider.Postgres;
        if (postgres)
        {
            foreach (var name in sets.SelectMany(c => c.Reads.EventKeys).Select(k => k.LockName).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            {
                lookups.Add(RuntimeSql.LockEventKey, [name], static _ => { });
            }
        }

        // A keyed event's waiters come with their instances' revisions, which then need no lookup of their own.
        var revisionsRead = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in sets.SelectMany(c => c.Reads.Waiters.Keys).Distinct())
        {
            var found = _waiters[key] = new HashSet<string>(StringComparer.Ordinal);
            if (key.IsUnkeyed)
            {
                lookups.Add(RuntimeLookups.Waiters(key), row => AddWaiter(found, row.Waiter));
                continue;
            }

            revisionsRead.UnionWith(sets.SelectMany(c => c.Reads.Waiters.TryGetValue(key, out var seen) ? seen : []).Select(InstanceOf));
            lookups.Add(RuntimeLookups.WaiterRevisions(key), row =>
            {
                AddWaiter(found, row.Waiter);
                if (row.Waiter is { } waiter)
                {
                    _revisions[waiter.InstanceId] = row.Revision;
                }
            });
        }

        foreach (var id in sets.SelectMany(c => c.Instances).Where(i => !i.IsNew).Select(i => i.Id).Distinct(StringComparer.Ordinal))
        {
            _revisions.TryAdd(id, -1);
            if (!revisionsRead.Contains(id))
            {
                lookups.Add(RuntimeLookups.Revision(id), revision => _revisions[id] = revision);
            }
        }

        foreach (var key in sets.SelectMany(c => c.Reads.Buffered.Keys).Distinct())
        {
            var found = _buffered[key] = new HashSet<string>(StringComparer.Ordinal);
            lookups.Add(RuntimeLookups.Buffered(key, now), row => found.Add(row.Id));
        }

        foreach (var versionId in sets.SelectMany(c => c.Reads.PublishedVersions).Distinct(StringComparer.Ordinal))
        {
            lookups.Add(RuntimeLookups.Published(versionId, holdUntilCommit: postgres), published =>
            {
                if (published)
                {
                    _published.Add(versionId);
                }
            });
        }

        foreach (var key in sets.SelectMany(c => c.Reads.UnusedReceipts).Distinct(StringComparer.Ordinal))
        {
            lookups.Add(RuntimeLookups.Receipt(key), _ => _receipts.Add(key));
        }

        foreach (var taskId in sets.SelectMany(c => c.Reads.TaskRevisions.Keys).Distinct(StringComparer.Ordinal))
        {
            _taskRevisions[taskId] = -1;
            lookups.Add(RuntimeLookups.TaskRevision(taskId), revision => _taskRevisions[taskId] = revision);
        }

        foreach (var occurrence in sets.SelectMany(c => c.Reads.UnstartedOccurrences).Distinct())
        {
            lookups.Add(RuntimeLookups.Occurrence(occurrence), _ => _occurrences.Add(occurrence));
        }

        lookups.Run();
    }

    private static void AddWaiter(HashSet<string> found, Waiter? waiter)
    {
        if (waiter is { } w)
        {
            found.Add(w.BookmarkId);
        }
    }

    // Bookmark ids name their instance (BookmarkIds); an id made otherwise names none, and its revision is looked up.
    private static string InstanceOf(string bookmarkId) =>
        Engine.Bookmarks.BookmarkIds.TryParse(bookmarkId, out var instanceId, out _) ? instanceId : "";

    /// <summary>Why the change set's reads no longer hold, or null when they do.</summary>
    private string? WhyNot(ChangeSet changes)
    {
        var reads = changes.Reads;
        if (changes.Instances.FirstOrDefault(i => _touched.Contains(i.Id) || (!i.IsNew && _revisions[i.Id] != i.Revision)) is { } changed)
        {
            return $"instance {changed.Id} changed";
        }

        if (reads.Waiters.FirstOrDefault(r => !r.Value.SetEquals(WaitersNow(r.Key))) is { Value: not null } reached)
        {
            return $"an instance reached the wait point of event '{reached.Key.EventName}'";
        }

        if (reads.Buffered.FirstOrDefault(r => !r.Value.SetEquals(BufferedNow(r.Key))) is { Value: not null } buffered)
        {
            return $"the buffered events for '{buffered.Key.EventName}' changed";
        }

        // A task's changes always move its instance's revision too, so two in one batch meet above; here, a change
        // committed between reading the task and reading its instance.
        if (reads.TaskRevisions.FirstOrDefault(t => _taskRevisions[t.Key] != t.Value) is { Key: not null } task)
        {
            return $"task {task.Key} changed";
        }

        if (reads.PublishedVersions.FirstOrDefault(v => !_published.Contains(v)) is { } retired)
        {
            return $"version {retired} is no longer published";
        }

        if (reads.UnusedReceipts.FirstOrDefault(k => _receipts.Contains(k) || _usedReceipts.Contains(k)) is { } used)
        {
            return $"idempotency key '{used}' was used meanwhile";
        }

        return reads.UnstartedOccurrences.Any(o => _occurrences.Contains(o) || _startedOccurrences.Contains(o))
            ? "the trigger occurrence was started elsewhere"
            : null;
    }

    private IEnumerable<string> WaitersNow(EventKey key) => _waiters[key]
        .Where(id => !_removedBookmarks.Contains(id))
        .Concat(_createdEventBookmarks.Values.Where(b => EventMatch.Reaches(b, key.EventName, key.CorrelationKey)).Select(b => b.Id));

    private IEnumerable<string> BufferedNow(EventKey key) => _buffered[key]
        .Where(id => !_bufferedDeletes.Contains(id))
        .Concat(_bufferedInserts.Where(b => EventMatch.Takes(key.EventName, key.CorrelationKey, b.Key.EventName, b.Key.CorrelationKey)).Select(b => b.Id));

    private void Apply(ChangeSet changes)
    {
        _touched.UnionWith(changes.Instances.Select(i => i.Id));
        foreach (var (_, bookmark) in changes.CreatedBookmarks.Values.Where(c => c.Bookmark.Kind == BookmarkKind.Event))
        {
            _createdEventBookmarks[bookmark.Id] = bookmark;
        }

        _removedBookmarks.UnionWith(changes.RemovedBookmarks.Keys);
        _bufferedInserts.AddRange(changes.BufferedInserts.Values.Select(e => (new EventKey(e.EventName, e.CorrelationKey), e.Id)));
        _bufferedDeletes.UnionWith(changes.BufferedDeletes);
        _usedReceipts.UnionWith(changes.Receipts.Keys);
        _startedOccurrences.UnionWith(changes.Occurrences.Select(o => new TriggerOccurrence(o.DefinitionVersionId, o.ActivityId, o.OccursAt)));
    }
}

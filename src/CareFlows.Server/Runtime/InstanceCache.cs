using CareFlows.Engine.Bookmarks;

namespace CareFlows.Server.Runtime;

/// <summary>
/// The instances this node committed last, as it committed them (state document, revision), with the event bookmarks
/// they wait on. A request for such an instance — its next event, its timer — is prepared from here instead of from a
/// read of its own: what it takes from here the writer checks before it commits (the revision, and the bookmarks waiting
/// for the event), so a copy that another node has since changed only sends the request back to read for real.
/// Bounded: past <see cref="RuntimeOptions.InstanceCacheSize"/> instances, the oldest entries are forgotten.
/// </summary>
internal sealed class InstanceCache(int capacity)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Entry> _instances = new(StringComparer.Ordinal);
    private readonly Dictionary<EventKey, HashSet<Waiter>> _waiters = [];
    private readonly LinkedList<string> _order = new();

    /// <summary>The instance as this node last committed it, if it is still remembered.</summary>
    public InstanceRow? Instance(string instanceId)
    {
        lock (_lock)
        {
            return _instances.TryGetValue(instanceId, out var entry) ? entry.Row : null;
        }
    }

    /// <summary>
    /// The remembered bookmarks an event with this key reaches (a correlation key is required: an event without one may
    /// reach instances this node does not remember); null when none is remembered.
    /// </summary>
    public IReadOnlyList<Waiter>? Waiters(EventKey key)
    {
        if (key.IsUnkeyed)
        {
            return null;
        }

        lock (_lock)
        {
            return _waiters.TryGetValue(key, out var waiters) && waiters.Count > 0 ? [.. waiters] : null;
        }
    }

    /// <summary>Takes in what a change set committed.</summary>
    public void Committed(ChangeSet changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (capacity <= 0)
        {
            return;
        }

        lock (_lock)
        {
            foreach (var removed in changes.RemovedBookmarks.Values.Where(b => b.Kind == BookmarkKind.Event))
            {
                Unindex(new EventKey(removed.EventName!, removed.CorrelationKey), removed.Id);
                if (BookmarkIds.TryParse(removed.Id, out var instanceId, out _) && _instances.TryGetValue(instanceId, out var entry))
                {
                    entry.Waits.RemoveAll(w => w.BookmarkId == removed.Id);
                }
            }

            foreach (var instance in changes.Instances)
            {
                Remember(instance);
            }

            foreach (var (instanceId, bookmark) in changes.CreatedBookmarks.Values)
            {
                if (bookmark.Kind == BookmarkKind.Event && _instances.TryGetValue(instanceId, out var entry))
                {
                    var key = new EventKey(bookmark.EventName!, bookmark.CorrelationKey);
                    entry.Waits.Add((key, bookmark.Id));
                    if (!_waiters.TryGetValue(key, out var waiters))
                    {
                        _waiters[key] = waiters = [];
                    }

                    waiters.Add(new Waiter(bookmark.Id, instanceId));
                }
            }
        }
    }

    private void Remember(InstanceChange instance)
    {
        if (instance.FinishedAt is not null)
        {
            Forget(instance.Id);
            return;
        }

        var row = new InstanceRow(instance.Id, instance.DefinitionVersionId, instance.State, instance.Revision + 1);
        if (_instances.TryGetValue(instance.Id, out var entry))
        {
            entry.Row = row;
            return;
        }

        _instances[instance.Id] = new Entry(row, _order.AddLast(instance.Id));
        while (_instances.Count > capacity && _order.First is { } oldest)
        {
            Forget(oldest.Value);
        }
    }

    private void Forget(string instanceId)
    {
        if (_instances.Remove(instanceId, out var entry))
        {
            _order.Remove(entry.Position);
            foreach (var (key, bookmarkId) in entry.Waits)
            {
                Unindex(key, bookmarkId);
            }
        }
    }

    private void Unindex(EventKey key, string bookmarkId)
    {
        if (_waiters.TryGetValue(key, out var waiters))
        {
            waiters.RemoveWhere(w => w.BookmarkId == bookmarkId);
            if (waiters.Count == 0)
            {
                _waiters.Remove(key);
            }
        }
    }

    private sealed class Entry(InstanceRow row, LinkedListNode<string> position)
    {
        public InstanceRow Row { get; set; } = row;

        public LinkedListNode<string> Position => position;

        /// <summary>The event bookmarks indexed for this instance, to unindex when it is forgotten.</summary>
        public List<(EventKey Key, string BookmarkId)> Waits { get; } = [];
    }
}

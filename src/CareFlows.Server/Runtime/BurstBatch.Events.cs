using System.Data.Common;
using System.Text.Json.Nodes;
using CareFlows.Engine.Bookmarks;
using CareFlows.Engine.Execution;
using CareFlows.Server.Persistence;
using CareFlows.Server.Persistence.Entities;

namespace CareFlows.Server.Runtime;

internal sealed partial class BurstBatch
{
    private readonly Dictionary<string, BufferedEventRecord> _bufferedInserts = new(StringComparer.Ordinal);
    private readonly HashSet<string> _bufferedDeletes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EventReceiptRecord> _receipts = new(StringComparer.Ordinal);

    // What the preload found: whether each idempotency key has a receipt, the bookmarks waiting for each event, and
    // the buffered events (oldest first) for the wait points the instances the batch starts are likely to reach.
    private readonly Dictionary<string, bool> _preloadedReceipts = new(StringComparer.Ordinal);
    private readonly Dictionary<(string EventName, string CorrelationKey), List<(string BookmarkId, string InstanceId)>> _preloadedEventBookmarks = [];
    private readonly Dictionary<(string EventName, string CorrelationKey), List<(string Id, string? Payload)>> _preloadedBufferedEvents = [];

    // The event keys this batch's transaction holds the lock of (PostgreSQL; see LockEventKeys).
    private readonly HashSet<string> _lockedEventKeys = new(StringComparer.Ordinal);

    // Joins name and key into one lock key; should two pairs ever hash alike, they only share a lock.
    private const char EventKeySeparator = '\u001f';

    private async Task<EventOutcome> PublishAsync(EventWork work, CancellationToken cancellationToken)
    {
        if (work.IdempotencyKey is { } key && IsReceiptKnown(key))
        {
            return new EventOutcome(EventDisposition.Duplicate, [], []);
        }

        var resumed = await DeliverAsync(work.EventName, work.CorrelationKey, work.Payload, onlyInstanceId: null, cancellationToken);
        var started = new List<string>();
        foreach (var trigger in runtime.Catalog.EventTriggers(work.EventName).ToList())
        {
            var request = new StartRequest { TriggerActivityId = trigger.Trigger.ActivityId, TriggerInput = work.Payload?.DeepClone(), CorrelationId = work.CorrelationKey };
            started.Add((await StartSlotAsync(trigger.Workflow, request, cancellationToken)).Id);
        }

        var delivered = resumed.Count + started.Count;
        var now = runtime.Clock.GetUtcNow().UtcDateTime;
        if (delivered == 0)
        {
            var buffered = new BufferedEventRecord
            {
                Id = runtime.NewId(),
                EventName = work.EventName,
                CorrelationKey = work.CorrelationKey,
                Payload = work.Payload?.ToJsonString(),
                IdempotencyKey = work.IdempotencyKey,
                ReceivedAt = now,
                ExpiresAt = now + runtime.Options.EventBufferTimeToLive,
            };
            _bufferedInserts[buffered.Id] = buffered;
        }

        if (work.IdempotencyKey is { } idempotencyKey)
        {
            _receipts[idempotencyKey] = new EventReceiptRecord
            {
                IdempotencyKey = idempotencyKey,
                EventName = work.EventName,
                ReceivedAt = now,
                Delivered = delivered,
                Buffered = delivered == 0,
            };
        }

        return new EventOutcome(delivered == 0 ? EventDisposition.Buffered : EventDisposition.Delivered, resumed, started);
    }

    /// <summary>Resumes every open event bookmark the event matches; returns the instances resumed.</summary>
    private async Task<List<string>> DeliverAsync(string eventName, string? correlationKey, JsonNode? payload, string? onlyInstanceId, CancellationToken cancellationToken)
    {
        var candidates = new List<(string BookmarkId, string InstanceId)>();
        if (onlyInstanceId is null)
        {
            candidates.AddRange(FindEventBookmarks(eventName, correlationKey)
                .Where(c => !_removedBookmarks.ContainsKey(c.BookmarkId)));
        }
        else if (_instances.TryGetValue(onlyInstanceId, out var source))
        {
            candidates.AddRange(source.State.Bookmarks.Where(b => Matches(b, eventName, correlationKey)).Select(b => (b.Id, onlyInstanceId)));
        }

        candidates.AddRange(_createdBookmarks.Values
            .Where(c => (onlyInstanceId is null || c.InstanceId == onlyInstanceId) && Matches(c.Bookmark, eventName, correlationKey))
            .Select(c => (c.Bookmark.Id, c.InstanceId)));

        var resumed = new List<string>();
        foreach (var (bookmarkId, instanceId) in candidates.Distinct())
        {
            var slot = await FindSlotAsync(instanceId, cancellationToken);
            if (slot is null || slot.State.IsFinished || slot.State.FindBookmark(bookmarkId) is null)
            {
                continue;
            }

            await ResumeSlotAsync(slot, bookmarkId, payload?.DeepClone(), cancellationToken);
            resumed.Add(instanceId);
        }

        return resumed;
    }

    private static bool Matches(Bookmark bookmark, string eventName, string? correlationKey) =>
        bookmark.Kind == BookmarkKind.Event
        && string.Equals(bookmark.EventName, eventName, StringComparison.Ordinal)
        && (string.IsNullOrEmpty(correlationKey) || string.Equals(bookmark.CorrelationKey, correlationKey, StringComparison.Ordinal));

    /// <summary>Takes the oldest unexpired buffered event for a new wait point, if there is one.</summary>
    private async Task<(bool Found, JsonNode? Payload)> TakeBufferedEventAsync(string eventName, string? correlationKey, CancellationToken cancellationToken)
    {
        var pending = _bufferedInserts.Values.FirstOrDefault(e => e.EventName == eventName && e.CorrelationKey == correlationKey);
        if (pending is not null)
        {
            _bufferedInserts.Remove(pending.Id);
            return (true, Parse(pending.Payload));
        }

        foreach (var (id, payload) in FindBufferedEvents(eventName, correlationKey))
        {
            if (_bufferedDeletes.Add(id))
            {
                return (true, Parse(payload));
            }
        }

        return (false, null);
    }

    private static JsonNode? Parse(string? json) => json is null ? null : JsonNode.Parse(json);

    private bool IsReceiptKnown(string idempotencyKey)
    {
        if (_receipts.ContainsKey(idempotencyKey))
        {
            return true;
        }

        if (_preloadedReceipts.TryGetValue(idempotencyKey, out var stored))
        {
            return stored;
        }

        var known = false;
        LookUp(RuntimeSql.SelectReceipt, [idempotencyKey], _ => known = true);
        return known;
    }

    private List<(string BookmarkId, string InstanceId)> FindEventBookmarks(string eventName, string? correlationKey)
    {
        if (!string.IsNullOrEmpty(correlationKey) && _preloadedEventBookmarks.TryGetValue((eventName, correlationKey), out var preloaded))
        {
            return [.. preloaded];
        }

        var found = new List<(string, string)>();
        Action<DbDataReader> read = reader =>
        {
            if (ReadEventBookmark(reader) is { } bookmark)
            {
                found.Add(bookmark);
            }
        };
        if (string.IsNullOrEmpty(correlationKey))
        {
            LookUp(RuntimeSql.SelectEventBookmarks, [eventName], read, (eventName, null));
        }
        else
        {
            LookUp(RuntimeSql.SelectEventBookmarksByKey, [eventName, correlationKey], read, (eventName, correlationKey));
        }

        return found;
    }

    private List<(string Id, string? Payload)> FindBufferedEvents(string eventName, string? correlationKey)
    {
        if (correlationKey is not null && _preloadedBufferedEvents.TryGetValue((eventName, correlationKey), out var preloaded))
        {
            return preloaded;
        }

        var now = runtime.Clock.GetUtcNow().UtcDateTime;
        var found = new List<(string, string?)>();
        if (correlationKey is null)
        {
            LookUp(RuntimeSql.SelectBufferedEventsWithoutKey, [eventName, now], reader => found.Add(ReadBufferedEvent(reader)), (eventName, null));
        }
        else
        {
            LookUp(RuntimeSql.SelectBufferedEventsByKey, [eventName, correlationKey, now], reader => found.Add(ReadBufferedEvent(reader)), (eventName, correlationKey));
        }

        return found;
    }

    /// <summary>
    /// The event keys a request's preload reads under: an event's own, and those of the wait points a new instance
    /// is likely to reach (the buffered events it may take).
    /// </summary>
    private IEnumerable<(string Name, string? Key)> EventKeysLookedUp(WorkItem item) => item switch
    {
        EventWork e => [(e.EventName, e.CorrelationKey)],
        StartWork s => LikelyWaits(s).Select(w => (w.Name, (string?)w.CorrelationKey)),
        _ => [],
    };

    /// <summary>
    /// The wait points a new instance is likely to reach: every event name its version is known to wait for, under its
    /// correlation id (none without one). The preload reads their buffered events, under their locks.
    /// </summary>
    private IEnumerable<(string Name, string CorrelationKey)> LikelyWaits(StartWork start) =>
        string.IsNullOrEmpty(start.Request.CorrelationId)
            ? []
            : runtime.EventWaits.For(start.Workflow.DefinitionVersionId).Select(name => (name, start.Request.CorrelationId));

    /// <summary>
    /// On PostgreSQL, queues a transaction lock per event key (name and correlation key), ahead of the lookups made
    /// under it. Publishing an event reads the bookmarks waiting for it and, finding none, buffers it; reaching a wait
    /// point reads the buffered events and, finding none, adds a bookmark. Two nodes doing one each at once would
    /// each miss the other's uncommitted row, and the event would wait in the buffer while the instance waits for
    /// it. One writer per node keeps this from happening on one node; between nodes, under the lock the second one
    /// starts only after the first has committed, and its lookup sees the first's row. Keys are locked in order, so
    /// that batches locking several cannot deadlock each other.
    /// </summary>
    private void LockEventKeys(LookupQueue lookups, IEnumerable<(string Name, string? Key)> keys)
    {
        if (runtime.Provider != DatabaseProvider.Postgres)
        {
            return;
        }

        var wanted = keys
            .Select(k => k.Name + EventKeySeparator + k.Key)
            .Where(k => !_lockedEventKeys.Contains(k))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        foreach (var key in wanted)
        {
            _lockedEventKeys.Add(key);
            lookups.Add(RuntimeSql.LockEventKey, [key], static _ => { });
        }
    }
}

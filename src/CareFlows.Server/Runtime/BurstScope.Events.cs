using System.Text.Json.Nodes;
using CareFlows.Engine.Bookmarks;

namespace CareFlows.Server.Runtime;

internal sealed partial class BurstScope
{
    // Each key is read once per scope, so every burst in it sees the same answer.
    private readonly Dictionary<EventKey, IReadOnlyList<Waiter>> _waiters = [];
    private readonly Dictionary<EventKey, IReadOnlyList<BufferedRow>> _buffered = [];

    /// <summary>
    /// Resumes every open event bookmark the event reaches (only <paramref name="onlyInstanceId"/>'s for a local event);
    /// returns the instances resumed.
    /// </summary>
    public async Task<List<string>> DeliverAsync(EventKey key, JsonNode? payload, string? onlyInstanceId)
    {
        var candidates = new List<Waiter>();
        if (onlyInstanceId is null)
        {
            candidates.AddRange((await WaitersAsync(key)).Where(w => !Changes.RemovedBookmarks.ContainsKey(w.BookmarkId)));
        }
        else if (_instances.TryGetValue(onlyInstanceId, out var source))
        {
            candidates.AddRange(source.State.Bookmarks
                .Where(b => EventMatch.Reaches(b, key.EventName, key.CorrelationKey))
                .Select(b => new Waiter(b.Id, onlyInstanceId)));
        }

        candidates.AddRange(Changes.CreatedBookmarks.Values
            .Where(c => (onlyInstanceId is null || c.InstanceId == onlyInstanceId) && EventMatch.Reaches(c.Bookmark, key.EventName, key.CorrelationKey))
            .Select(c => new Waiter(c.Bookmark.Id, c.InstanceId)));

        var resumed = new List<string>();
        foreach (var (bookmarkId, instanceId) in candidates.Distinct())
        {
            var slot = await FindSlotAsync(instanceId);
            if (slot is null || slot.State.IsFinished || slot.State.FindBookmark(bookmarkId) is null)
            {
                continue;
            }

            await ResumeAsync(slot, bookmarkId, payload?.DeepClone());
            resumed.Add(instanceId);
        }

        return resumed;
    }

    /// <summary>
    /// Notes that the event reached no instance because none waited for it, to buffer it: the writer then checks that
    /// still none waits when it commits. An event that did reach instances needs no such check: an instance that
    /// reached the wait point meanwhile simply came after the event.
    /// </summary>
    public async Task RequireNoWaitersAsync(EventKey key) =>
        Changes.Reads.Waiters[key] = new HashSet<string>((await WaitersAsync(key)).Select(w => w.BookmarkId), StringComparer.Ordinal);

    /// <summary>
    /// Takes the oldest unexpired buffered event a new wait point with this key may take, if there is one. What was
    /// found is noted in the read set: the writer checks that nobody took it, and that none arrived meanwhile.
    /// </summary>
    private async Task<(bool Found, JsonNode? Payload)> TakeBufferedEventAsync(EventKey key)
    {
        foreach (var (id, payload) in await BufferedAsync(key))
        {
            if (Changes.BufferedDeletes.Add(id))
            {
                return (true, Parse(payload));
            }
        }

        return (false, null);
    }

    /// <summary>What the idempotency key was first used for, or null (noted in the read set) when it is unused.</summary>
    public async Task<ReceiptRow?> ReceiptAsync(string idempotencyKey)
    {
        if (Changes.Receipts.TryGetValue(idempotencyKey, out var own))
        {
            return new ReceiptRow(own.EventName, own.CorrelationKey, own.PayloadHash);
        }

        var receipt = await snapshot.ReceiptAsync(idempotencyKey);
        if (receipt is null)
        {
            Changes.Reads.UnusedReceipts.Add(idempotencyKey);
        }

        return receipt;
    }

    /// <summary>Whether the version is published, as committed now; noted in the read set when it is.</summary>
    public async Task<bool> IsPublishedAsync(string versionId)
    {
        var published = await snapshot.IsPublishedAsync(versionId);
        if (published)
        {
            Changes.Reads.PublishedVersions.Add(versionId);
        }

        return published;
    }

    /// <summary>Whether the trigger occurrence has started its instance already; noted in the read set when not.</summary>
    public async Task<bool> OccurrenceStartedAsync(TriggerOccurrence occurrence)
    {
        var started = await snapshot.OccurrenceStartedAsync(occurrence);
        if (!started)
        {
            Changes.Reads.UnstartedOccurrences.Add(occurrence);
        }

        return started;
    }

    private async Task<IReadOnlyList<Waiter>> WaitersAsync(EventKey key)
    {
        if (!_waiters.TryGetValue(key, out var waiters))
        {
            waiters = await snapshot.WaitersAsync(key);
            _waiters[key] = waiters;
            if (snapshot.WaitersFromCache(key))
            {
                // Remembered, not read: the writer checks that these are still exactly the bookmarks waiting.
                Changes.Reads.Waiters[key] = new HashSet<string>(waiters.Select(w => w.BookmarkId), StringComparer.Ordinal);
            }
        }

        return waiters;
    }

    private async Task<IReadOnlyList<BufferedRow>> BufferedAsync(EventKey key)
    {
        if (!_buffered.TryGetValue(key, out var buffered))
        {
            buffered = await snapshot.BufferedAsync(key);
            _buffered[key] = buffered;
            Changes.Reads.Buffered[key] = new HashSet<string>(buffered.Select(b => b.Id), StringComparer.Ordinal);
        }

        return buffered;
    }

    private static JsonNode? Parse(string? json) => json is null ? null : JsonNode.Parse(json);
}

using System.Text.Json.Nodes;
using CareFlows.Engine.Bookmarks;

namespace CareFlows.Server.Runtime;

internal sealed partial class BurstScope
{
    // Each key is read once per scope, so every burst in it sees the same answer and the read set holds one per key.
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

    /// <summary>Takes the oldest unexpired buffered event a new wait point with this key may take, if there is one.</summary>
    private async Task<(bool Found, JsonNode? Payload)> TakeBufferedEventAsync(EventKey key)
    {
        var pending = Changes.BufferedInserts.Values.FirstOrDefault(e => EventMatch.Takes(key.EventName, key.CorrelationKey, e.EventName, e.CorrelationKey));
        if (pending is not null)
        {
            Changes.BufferedInserts.Remove(pending.Id);
            return (true, Parse(pending.Payload));
        }

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

        var receipt = await snapshot.ReceiptAsync(idempotencyKey, cancellationToken);
        if (receipt is null)
        {
            Changes.Reads.UnusedReceipts.Add(idempotencyKey);
        }

        return receipt;
    }

    /// <summary>Whether the version is published, as committed now; noted in the read set when it is.</summary>
    public async Task<bool> IsPublishedAsync(string versionId)
    {
        var published = await snapshot.IsPublishedAsync(versionId, cancellationToken);
        if (published)
        {
            Changes.Reads.PublishedVersions.Add(versionId);
        }

        return published;
    }

    /// <summary>Whether the trigger occurrence has started its instance already; noted in the read set when not.</summary>
    public async Task<bool> OccurrenceStartedAsync(TriggerOccurrence occurrence)
    {
        var started = await snapshot.OccurrenceStartedAsync(occurrence, cancellationToken);
        if (!started)
        {
            Changes.Reads.UnstartedOccurrences.Add(occurrence);
        }

        return started;
    }

    private Task<IReadOnlyList<Waiter>> WaitersAsync(EventKey key) =>
        ReadOnceAsync(key, _waiters, Changes.Reads.Waiters, snapshot.WaitersAsync, w => w.BookmarkId);

    private Task<IReadOnlyList<BufferedRow>> BufferedAsync(EventKey key) =>
        ReadOnceAsync(key, _buffered, Changes.Reads.Buffered, snapshot.BufferedAsync, b => b.Id);

    /// <summary>Reads the rows for an event key the first time the scope asks, noting their ids in the read set.</summary>
    private async Task<IReadOnlyList<T>> ReadOnceAsync<T>(
        EventKey key,
        Dictionary<EventKey, IReadOnlyList<T>> answers,
        Dictionary<EventKey, HashSet<string>> reads,
        Func<EventKey, CancellationToken, Task<IReadOnlyList<T>>> read,
        Func<T, string> id)
    {
        if (!answers.TryGetValue(key, out var rows))
        {
            rows = await read(key, cancellationToken);
            answers[key] = rows;
            reads[key] = new HashSet<string>(rows.Select(id), StringComparer.Ordinal);
        }

        return rows;
    }

    private static JsonNode? Parse(string? json) => json is null ? null : JsonNode.Parse(json);
}

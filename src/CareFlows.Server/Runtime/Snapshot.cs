namespace CareFlows.Server.Runtime;

/// <summary>
/// Committed state read for a group of work items before their bursts run: what each item said it would look up
/// (<see cref="WorkItem.Plan"/>), read together in one round trip. A lookup the group did not foresee is made on its
/// own when a burst asks for it. Once read, the preloaded answers are only read, by many bursts at once.
/// </summary>
internal sealed class Snapshot
{
    private readonly RuntimeReader _reader;
    private readonly Dictionary<string, InstanceRow?> _instances = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ReceiptRow?> _receipts = new(StringComparer.Ordinal);
    private readonly Dictionary<EventKey, List<Waiter>> _waiters = [];
    private readonly Dictionary<EventKey, List<BufferedRow>> _buffered = [];
    private readonly Dictionary<TriggerOccurrence, bool> _occurrences = [];
    private readonly Dictionary<string, bool> _published = new(StringComparer.Ordinal);

    private Snapshot(RuntimeContext runtime, RuntimeReader reader)
    {
        Runtime = runtime;
        _reader = reader;
    }

    public RuntimeContext Runtime { get; }

    /// <summary>Reads what <paramref name="items"/> plan to look up, in one round trip.</summary>
    public static async Task<Snapshot> ReadAsync(IReadOnlyCollection<WorkItem> items, RuntimeContext runtime, RuntimeReader reader)
    {
        var snapshot = new Snapshot(runtime, reader);
        var plan = new SnapshotPlan(snapshot);
        foreach (var item in items)
        {
            item.Plan(plan);
        }

        if (plan.Lookups.Count > 0)
        {
            await reader.RunAsync(lookups => plan.Lookups.ForEach(add => add(lookups)));
        }

        return snapshot;
    }

    /// <summary>The instance row, or null when there is no such instance.</summary>
    public async Task<InstanceRow?> InstanceAsync(string id) =>
        _instances.TryGetValue(id, out var row) ? row : await FreshInstanceAsync(id);

    /// <summary>The instance row as committed now, whatever the group read earlier.</summary>
    public async Task<InstanceRow?> FreshInstanceAsync(string id) => (await LookUpAsync(RuntimeLookups.Instance(id))).FirstOrDefault();

    public async Task<ReceiptRow?> ReceiptAsync(string idempotencyKey) =>
        _receipts.TryGetValue(idempotencyKey, out var row) ? row : (await LookUpAsync(RuntimeLookups.Receipt(idempotencyKey))).FirstOrDefault();

    /// <summary>The event bookmarks an event with this key reaches.</summary>
    public async Task<IReadOnlyList<Waiter>> WaitersAsync(EventKey key) =>
        _waiters.TryGetValue(key, out var preloaded)
            ? preloaded
            : [.. (await LookUpAsync(RuntimeLookups.Waiters(key))).Where(r => r.Waiter is not null).Select(r => r.Waiter!.Value)];

    /// <summary>The unexpired buffered events a wait point with this key may take, oldest first.</summary>
    public async Task<IReadOnlyList<BufferedRow>> BufferedAsync(EventKey key) =>
        _buffered.TryGetValue(key, out var preloaded) ? preloaded : await LookUpAsync(RuntimeLookups.Buffered(key, Now));

    public async Task<bool> OccurrenceStartedAsync(TriggerOccurrence occurrence) =>
        _occurrences.TryGetValue(occurrence, out var started) ? started : (await LookUpAsync(RuntimeLookups.Occurrence(occurrence))).Count > 0;

    /// <summary>Whether the definition version is published (its instances may start) as committed now.</summary>
    public async Task<bool> IsPublishedAsync(string versionId) =>
        _published.TryGetValue(versionId, out var published) ? published : (await LookUpAsync(RuntimeLookups.Published(versionId))).FirstOrDefault();

    private DateTime Now => Runtime.Clock.GetUtcNow().UtcDateTime;

    private async Task<List<T>> LookUpAsync<T>(Lookup<T> lookup)
    {
        var rows = new List<T>();
        await _reader.RunAsync(lookups => lookups.Add(lookup, rows.Add));
        return rows;
    }

    // The group's lookups, each queued at most once, fill the preloaded answers.
    internal void PlanInstance(SnapshotPlan plan, string id)
    {
        if (_instances.TryAdd(id, null))
        {
            plan.Add(RuntimeLookups.Instance(id), row => _instances[id] = row);
        }
    }

    internal void PlanReceipt(SnapshotPlan plan, string idempotencyKey)
    {
        if (_receipts.TryAdd(idempotencyKey, null))
        {
            plan.Add(RuntimeLookups.Receipt(idempotencyKey), row => _receipts[idempotencyKey] = row);
        }
    }

    internal void PlanWaiters(SnapshotPlan plan, EventKey key)
    {
        if (_waiters.TryAdd(key, []))
        {
            var found = _waiters[key];
            plan.Add(RuntimeLookups.Waiters(key, withInstances: true), row =>
            {
                if (row.Waiter is { } waiter)
                {
                    found.Add(waiter);
                }

                if (row.Instance is { } instance)
                {
                    _instances.TryAdd(instance.Id, instance);
                }
            });
        }
    }

    internal void PlanBuffered(SnapshotPlan plan, EventKey key)
    {
        if (_buffered.TryAdd(key, []))
        {
            plan.Add(RuntimeLookups.Buffered(key, Now), _buffered[key].Add);
        }
    }

    internal void PlanOccurrence(SnapshotPlan plan, TriggerOccurrence occurrence)
    {
        if (_occurrences.TryAdd(occurrence, false))
        {
            plan.Add(RuntimeLookups.Occurrence(occurrence), _ => _occurrences[occurrence] = true);
        }
    }

    internal void PlanPublished(SnapshotPlan plan, string versionId)
    {
        if (_published.TryAdd(versionId, false))
        {
            plan.Add(RuntimeLookups.Published(versionId), published => _published[versionId] = published);
        }
    }
}

/// <summary>What a group of work items will look up, declared by each item before any burst runs (see <see cref="WorkItem.Plan"/>).</summary>
internal sealed class SnapshotPlan(Snapshot snapshot)
{
    internal List<Action<LookupQueue>> Lookups { get; } = [];

    public RuntimeContext Runtime => snapshot.Runtime;

    public void Instance(string id) => snapshot.PlanInstance(this, id);

    public void Receipt(string idempotencyKey) => snapshot.PlanReceipt(this, idempotencyKey);

    /// <summary>The event bookmarks an event with this key reaches, with their instances when the key has a correlation key.</summary>
    public void Waiters(EventKey key) => snapshot.PlanWaiters(this, key);

    public void Buffered(EventKey key) => snapshot.PlanBuffered(this, key);

    public void Occurrence(TriggerOccurrence occurrence) => snapshot.PlanOccurrence(this, occurrence);

    public void Published(string versionId) => snapshot.PlanPublished(this, versionId);

    internal void Add<T>(Lookup<T> lookup, Action<T> onRow) => Lookups.Add(lookups => lookups.Add(lookup, onRow));
}

using System.Data.Common;

namespace CareFlows.Server.Runtime;

/// <summary>
/// Committed state read for a group of work items before their bursts run: what each item said it would look up
/// (<see cref="WorkItem.Plan"/>), read together in one round trip. A lookup the group did not foresee is made on its
/// own when a burst asks for it. Once read, the preloaded answers are only read, by many bursts at once.
/// </summary>
internal sealed class Snapshot
{
    private readonly RuntimeContext _runtime;
    private readonly RuntimeReader _reader;
    private readonly Dictionary<string, InstanceRow?> _instances = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ReceiptRow?> _receipts = new(StringComparer.Ordinal);
    private readonly Dictionary<EventKey, List<Waiter>> _waiters = [];
    private readonly Dictionary<EventKey, List<BufferedRow>> _buffered = [];
    private readonly Dictionary<TriggerOccurrence, bool> _occurrences = [];
    private readonly Dictionary<string, bool> _published = new(StringComparer.Ordinal);

    private Snapshot(RuntimeContext runtime, RuntimeReader reader)
    {
        _runtime = runtime;
        _reader = reader;
    }

    /// <summary>Reads what <paramref name="items"/> plan to look up, in one round trip.</summary>
    public static async Task<Snapshot> ReadAsync(IReadOnlyCollection<WorkItem> items, RuntimeContext runtime, RuntimeReader reader, CancellationToken cancellationToken)
    {
        var snapshot = new Snapshot(runtime, reader);
        var plan = new SnapshotPlan(snapshot);
        foreach (var item in items)
        {
            item.Plan(plan);
        }

        if (plan.Lookups.Count > 0)
        {
            await reader.RunAsync(lookups => plan.Lookups.ForEach(add => add(lookups)), cancellationToken);
        }

        return snapshot;
    }

    public RuntimeContext Runtime => _runtime;

    /// <summary>The instance row, or null when there is no such instance.</summary>
    public async Task<InstanceRow?> InstanceAsync(string id, CancellationToken cancellationToken) =>
        _instances.TryGetValue(id, out var row) ? row : await FreshInstanceAsync(id, cancellationToken);

    /// <summary>The instance row as committed now, whatever the group read earlier.</summary>
    public async Task<InstanceRow?> FreshInstanceAsync(string id, CancellationToken cancellationToken)
    {
        InstanceRow? found = null;
        await LookUpAsync(RuntimeSql.SelectInstance, [id], reader => found = RuntimeRows.Instance(reader), cancellationToken);
        return found;
    }

    public async Task<ReceiptRow?> ReceiptAsync(string idempotencyKey, CancellationToken cancellationToken)
    {
        if (_receipts.TryGetValue(idempotencyKey, out var preloaded))
        {
            return preloaded;
        }

        ReceiptRow? found = null;
        await LookUpAsync(RuntimeSql.SelectReceipt, [idempotencyKey], reader => found = RuntimeRows.Receipt(reader), cancellationToken);
        return found;
    }

    /// <summary>The event bookmarks an event with this key reaches.</summary>
    public async Task<IReadOnlyList<Waiter>> WaitersAsync(EventKey key, CancellationToken cancellationToken)
    {
        if (_waiters.TryGetValue(key, out var preloaded))
        {
            return preloaded;
        }

        var found = new List<Waiter>();
        var (sql, values) = RuntimeRows.WaitersQuery(key, withInstances: false);
        await LookUpAsync(sql, values, reader => AddWaiter(reader, found, withInstance: false), cancellationToken);
        return found;
    }

    /// <summary>The unexpired buffered events a wait point with this key may take, oldest first.</summary>
    public async Task<IReadOnlyList<BufferedRow>> BufferedAsync(EventKey key, CancellationToken cancellationToken)
    {
        if (_buffered.TryGetValue(key, out var preloaded))
        {
            return preloaded;
        }

        var found = new List<BufferedRow>();
        var (sql, values) = RuntimeRows.BufferedQuery(key, _runtime.Clock.GetUtcNow().UtcDateTime);
        await LookUpAsync(sql, values, reader => found.Add(RuntimeRows.Buffered(reader)), cancellationToken);
        return found;
    }

    public async Task<bool> OccurrenceStartedAsync(TriggerOccurrence occurrence, CancellationToken cancellationToken)
    {
        if (_occurrences.TryGetValue(occurrence, out var preloaded))
        {
            return preloaded;
        }

        var started = false;
        await LookUpAsync(RuntimeSql.SelectOccurrence, RuntimeRows.OccurrenceValues(occurrence), _ => started = true, cancellationToken);
        return started;
    }

    /// <summary>Whether the definition version is published (its triggers may start instances) as committed now.</summary>
    public async Task<bool> IsPublishedAsync(string versionId, CancellationToken cancellationToken)
    {
        if (_published.TryGetValue(versionId, out var preloaded))
        {
            return preloaded;
        }

        var published = false;
        await LookUpAsync(RuntimeSql.SelectPublished, [versionId], reader => published = reader.GetBoolean(0), cancellationToken);
        return published;
    }

    private Task LookUpAsync(string sql, object[] values, Action<DbDataReader> read, CancellationToken cancellationToken) =>
        _reader.RunAsync(lookups => lookups.Add(sql, values, read), cancellationToken);

    private void AddWaiter(DbDataReader reader, List<Waiter> waiters, bool withInstance)
    {
        if (RuntimeRows.EventWaiter(reader) is { } waiter)
        {
            waiters.Add(waiter);
            if (withInstance)
            {
                _instances.TryAdd(waiter.InstanceId, RuntimeRows.WaiterInstance(reader));
            }
        }
    }

    /// <summary>Queues the group's lookups, each at most once, to fill the snapshot's answers.</summary>
    internal void PlanInstance(SnapshotPlan plan, string id)
    {
        if (_instances.TryAdd(id, null))
        {
            plan.Lookups.Add(lookups => lookups.Add(RuntimeSql.SelectInstance, [id], reader => _instances[id] = RuntimeRows.Instance(reader)));
        }
    }

    internal void PlanReceipt(SnapshotPlan plan, string idempotencyKey)
    {
        if (_receipts.TryAdd(idempotencyKey, null))
        {
            plan.Lookups.Add(lookups => lookups.Add(RuntimeSql.SelectReceipt, [idempotencyKey], reader => _receipts[idempotencyKey] = RuntimeRows.Receipt(reader)));
        }
    }

    internal void PlanWaiters(SnapshotPlan plan, EventKey key)
    {
        if (_waiters.TryAdd(key, []))
        {
            var found = _waiters[key];
            var (sql, values) = RuntimeRows.WaitersQuery(key, withInstances: !key.IsUnkeyed);
            plan.Lookups.Add(lookups => lookups.Add(sql, values, reader => AddWaiter(reader, found, withInstance: !key.IsUnkeyed)));
        }
    }

    internal void PlanBuffered(SnapshotPlan plan, EventKey key)
    {
        if (_buffered.TryAdd(key, []))
        {
            var found = _buffered[key];
            var (sql, values) = RuntimeRows.BufferedQuery(key, _runtime.Clock.GetUtcNow().UtcDateTime);
            plan.Lookups.Add(lookups => lookups.Add(sql, values, reader => found.Add(RuntimeRows.Buffered(reader))));
        }
    }

    internal void PlanOccurrence(SnapshotPlan plan, TriggerOccurrence occurrence)
    {
        if (_occurrences.TryAdd(occurrence, false))
        {
            plan.Lookups.Add(lookups => lookups.Add(RuntimeSql.SelectOccurrence, RuntimeRows.OccurrenceValues(occurrence), _ => _occurrences[occurrence] = true));
        }
    }

    internal void PlanPublished(SnapshotPlan plan, string versionId)
    {
        if (_published.TryAdd(versionId, false))
        {
            plan.Lookups.Add(lookups => lookups.Add(RuntimeSql.SelectPublished, [versionId], reader => _published[versionId] = reader.GetBoolean(0)));
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
}

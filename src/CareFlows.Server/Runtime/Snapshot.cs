namespace CareFlows.Server.Runtime;

/// <summary>
/// Committed state read for a work item before its bursts run: what it said it would look up (<see cref="WorkItem.Plan"/>),
/// read together in one round trip. A lookup it did not foresee is made on its own when a burst asks for it.
/// </summary>
internal sealed class Snapshot
{
    private readonly RuntimeReader _reader;
    private readonly HashSet<EventKey> _waitersFromCache = [];
    private readonly Dictionary<string, InstanceRow?> _instances = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ReceiptRow?> _receipts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TaskRow?> _tasks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _taskTeams = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _userTeams = new(StringComparer.Ordinal);
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

    /// <summary>
    /// Reads what <paramref name="item"/> plans to look up, in one round trip. With <paramref name="cache"/> (the first
    /// time an item is prepared), what the writer reads again before it commits (see <see cref="Admission"/>) is not
    /// read: an unused idempotency key, no buffered event for a new wait point, a version still published and an
    /// occurrence not yet started are assumed, and instances and the bookmarks waiting for an event are taken from the
    /// cache when it has them. An item whose assumptions fail is sent back and prepared again without them.
    /// </summary>
    public static async Task<Snapshot> ReadAsync(WorkItem item, RuntimeContext runtime, RuntimeReader reader, InstanceCache? cache)
    {
        var snapshot = new Snapshot(runtime, reader);
        var plan = new SnapshotPlan(snapshot, cache);
        item.Plan(plan);
        if (plan.Lookups.Count > 0)
        {
            await reader.RunAsync(lookups => plan.Lookups.ForEach(add => add(lookups)));
        }

        return snapshot;
    }

    /// <summary>The instance row, or null when there is no such instance.</summary>
    public async Task<InstanceRow?> InstanceAsync(string id) =>
        _instances.TryGetValue(id, out var row) ? row : await FreshInstanceAsync(id);

    /// <summary>The instance row as committed now, whatever was read earlier.</summary>
    public async Task<InstanceRow?> FreshInstanceAsync(string id) => (await LookUpAsync(RuntimeLookups.Instance(id))).FirstOrDefault();

    public async Task<ReceiptRow?> ReceiptAsync(string idempotencyKey) =>
        _receipts.TryGetValue(idempotencyKey, out var row) ? row : (await LookUpAsync(RuntimeLookups.Receipt(idempotencyKey))).FirstOrDefault();

    /// <summary>The inbox task with its teams, or null when there is no such task.</summary>
    public async Task<TaskRow?> TaskAsync(string id)
    {
        var row = _tasks.TryGetValue(id, out var preloaded) ? preloaded : (await LookUpAsync(RuntimeLookups.Task(id))).FirstOrDefault();
        var teams = _taskTeams.TryGetValue(id, out var preloadedTeams) ? preloadedTeams : row is null ? [] : await LookUpAsync(RuntimeLookups.TaskTeams(id));
        return row is null ? null : row with { Teams = teams };
    }

    /// <summary>The ids of the teams a user belongs to.</summary>
    public async Task<IReadOnlySet<string>> UserTeamsAsync(string userId) =>
        _userTeams.TryGetValue(userId, out var preloaded) ? preloaded : (await LookUpAsync(RuntimeLookups.UserTeams(userId))).ToHashSet(StringComparer.Ordinal);

    /// <summary>The outreach attempts logged on a task as committed, oldest first: each one's details as JSON.</summary>
    public async Task<IReadOnlyList<string?>> TaskAttemptsAsync(string taskId) => await LookUpAsync(RuntimeLookups.TaskAttempts(taskId));

    /// <summary>The members of a team, to notify.</summary>
    public async Task<IReadOnlyList<string>> TeamMembersAsync(string teamId) => await LookUpAsync(RuntimeLookups.TeamMembers(teamId));

    /// <summary>The inbox task with its teams as committed now, whatever was read earlier.</summary>
    public async Task<TaskRow?> FreshTaskAsync(string id)
    {
        _tasks.Remove(id);
        _taskTeams.Remove(id);
        return await TaskAsync(id);
    }

    /// <summary>Whether the bookmarks waiting for the event came from the cache, so the writer must check them.</summary>
    public bool WaitersFromCache(EventKey key) => _waitersFromCache.Contains(key);

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
        await _reader.RunOneAsync(lookups => lookups.Add(lookup, rows.Add));
        return rows;
    }

    // The item's lookups, each queued at most once, fill the preloaded answers.
    internal void PlanInstance(SnapshotPlan plan, string id)
    {
        if (plan.Cache?.Instance(id) is { } cached)
        {
            _instances.TryAdd(id, cached);
        }
        else if (_instances.TryAdd(id, null))
        {
            plan.Add(RuntimeLookups.Instance(id), row => _instances[id] = row);
        }
    }

    internal void PlanTask(SnapshotPlan plan, string id)
    {
        if (_tasks.TryAdd(id, null))
        {
            var teams = _taskTeams[id] = [];
            plan.Add(RuntimeLookups.Task(id), row => _tasks[id] = row);
            plan.Add(RuntimeLookups.TaskTeams(id), teams.Add);
            plan.Add(RuntimeLookups.InstanceOfTask(id), row => _instances.TryAdd(row.Id, row));
        }
    }

    internal void PlanUserTeams(SnapshotPlan plan, string userId)
    {
        var teams = new HashSet<string>(StringComparer.Ordinal);
        if (_userTeams.TryAdd(userId, teams))
        {
            plan.Add(RuntimeLookups.UserTeams(userId), team => teams.Add(team));
        }
    }

    internal void PlanReceipt(SnapshotPlan plan, string idempotencyKey)
    {
        if (_receipts.TryAdd(idempotencyKey, null) && !plan.Assumes)
        {
            plan.Add(RuntimeLookups.Receipt(idempotencyKey), row => _receipts[idempotencyKey] = row);
        }
    }

    internal void PlanWaiters(SnapshotPlan plan, EventKey key)
    {
        // Only when every waiting instance is cached too: a read for one would cost the round trip the cache saves.
        if (plan.Cache?.Waiters(key) is { } cached
            && cached.Select(w => plan.Cache.Instance(w.InstanceId)).ToList() is var rows && rows.All(r => r is not null))
        {
            _waiters.TryAdd(key, [.. cached]);
            _waitersFromCache.Add(key);
            foreach (var row in rows)
            {
                _instances.TryAdd(row!.Id, row);
            }
        }
        else if (_waiters.TryAdd(key, []))
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
        if (_buffered.TryAdd(key, []) && !plan.Assumes)
        {
            plan.Add(RuntimeLookups.Buffered(key, Now), _buffered[key].Add);
        }
    }

    internal void PlanOccurrence(SnapshotPlan plan, TriggerOccurrence occurrence)
    {
        if (_occurrences.TryAdd(occurrence, false) && !plan.Assumes)
        {
            plan.Add(RuntimeLookups.Occurrence(occurrence), _ => _occurrences[occurrence] = true);
        }
    }

    internal void PlanPublished(SnapshotPlan plan, string versionId)
    {
        if (_published.TryAdd(versionId, plan.Assumes) && !plan.Assumes)
        {
            plan.Add(RuntimeLookups.Published(versionId), published => _published[versionId] = published);
        }
    }
}

/// <summary>What a work item will look up, declared before any of its bursts runs (see <see cref="WorkItem.Plan"/>).</summary>
internal sealed class SnapshotPlan(Snapshot snapshot, InstanceCache? cache)
{
    internal List<Action<LookupQueue>> Lookups { get; } = [];

    /// <summary>Where instances and waiting bookmarks may be taken from instead of read; null to read everything.</summary>
    internal InstanceCache? Cache => cache;

    /// <summary>Whether what the writer checks again is assumed rather than read (see <see cref="Snapshot.ReadAsync"/>).</summary>
    internal bool Assumes => cache is not null;

    public RuntimeContext Runtime => snapshot.Runtime;

    public void Instance(string id) => snapshot.PlanInstance(this, id);

    /// <summary>The task with its teams and its instance.</summary>
    public void Task(string id) => snapshot.PlanTask(this, id);

    public void UserTeams(string userId) => snapshot.PlanUserTeams(this, userId);

    public void Receipt(string idempotencyKey) => snapshot.PlanReceipt(this, idempotencyKey);

    /// <summary>The event bookmarks an event with this key reaches, with their instances when the key has a correlation key.</summary>
    public void Waiters(EventKey key) => snapshot.PlanWaiters(this, key);

    public void Buffered(EventKey key) => snapshot.PlanBuffered(this, key);

    public void Occurrence(TriggerOccurrence occurrence) => snapshot.PlanOccurrence(this, occurrence);

    public void Published(string versionId) => snapshot.PlanPublished(this, versionId);

    internal void Add<T>(Lookup<T> lookup, Action<T> onRow) => Lookups.Add(lookups => lookups.Add(lookup, onRow));
}

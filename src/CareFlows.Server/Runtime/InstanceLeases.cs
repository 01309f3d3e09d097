namespace CareFlows.Server.Runtime;

/// <summary>
/// Which work item on this node is working on which instance, from the moment its bursts load the instance until its
/// change set has committed or been sent back. Bursts of one instance thus never run side by side on a node, and an
/// item that needs an instance another holds waits for it (parked, holding nothing, so no two items can wait for each
/// other) instead of running on state about to change. Between nodes, the writer's revision guard decides.
/// </summary>
internal sealed class InstanceLeases
{
    // Past this many, the revisions remembered are forgotten: they only save a stale read from being prepared twice.
    private const int MaxRememberedRevisions = 100_000;

    private readonly Lock _lock = new();
    private readonly Dictionary<string, Lease> _held = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _committed = new(StringComparer.Ordinal);

    /// <summary>Leases the instance to <paramref name="item"/>, unless another item holds it.</summary>
    public bool TryAcquire(string instanceId, WorkItem item) => Acquire(instanceId, item, parkIfHeld: false);

    /// <summary>Leases the instance to <paramref name="item"/>, or parks the item until the other holder releases it.</summary>
    public bool AcquireOrPark(string instanceId, WorkItem item) => Acquire(instanceId, item, parkIfHeld: true);

    /// <summary>
    /// Parks <paramref name="item"/> until the instance's lease is released; false when nobody holds it any more (the
    /// caller then goes on at once).
    /// </summary>
    public bool Park(string instanceId, WorkItem item)
    {
        lock (_lock)
        {
            if (!_held.TryGetValue(instanceId, out var lease))
            {
                return false;
            }

            lease.Parked.Add(item);
            return true;
        }
    }

    /// <summary>Releases every lease <paramref name="item"/> holds; the items parked on them are handed to <paramref name="resume"/>.</summary>
    public void ReleaseAll(WorkItem item, Action<WorkItem> resume)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(resume);
        List<WorkItem>? parked = null;
        lock (_lock)
        {
            foreach (var instanceId in item.Leases)
            {
                if (_held.Remove(instanceId, out var lease) && lease.Parked.Count > 0)
                {
                    (parked ??= []).AddRange(lease.Parked);
                }
            }

            item.Leases.Clear();
        }

        parked?.ForEach(resume);
    }

    /// <summary>Notes the revision this node just committed for an instance.</summary>
    public void Committed(string instanceId, long revision)
    {
        lock (_lock)
        {
            if (_committed.Count >= MaxRememberedRevisions)
            {
                _committed.Clear();
            }

            _committed[instanceId] = revision;
        }
    }

    /// <summary>Whether this node has committed a newer revision of the instance than <paramref name="revision"/>.</summary>
    public bool IsStale(string instanceId, long revision)
    {
        lock (_lock)
        {
            return _committed.TryGetValue(instanceId, out var committed) && committed > revision;
        }
    }

    private bool Acquire(string instanceId, WorkItem item, bool parkIfHeld)
    {
        ArgumentNullException.ThrowIfNull(item);
        lock (_lock)
        {
            if (_held.TryGetValue(instanceId, out var lease))
            {
                if (lease.Holder == item)
                {
                    return true;
                }

                if (parkIfHeld)
                {
                    lease.Parked.Add(item);
                }

                return false;
            }

            _held[instanceId] = new Lease(item);
            item.Leases.Add(instanceId);
            return true;
        }
    }

    private sealed class Lease(WorkItem holder)
    {
        public WorkItem Holder => holder;

        public List<WorkItem> Parked { get; } = [];
    }
}

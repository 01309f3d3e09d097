namespace CareFlows.Server.Runtime;

/// <summary>
/// Which work item on this node is working on which instance, from the moment its bursts load the instance until its
/// change set has committed or been sent back. Bursts of one instance thus never run side by side on a node. An item
/// that needs an instance another holds waits for it in line, holding nothing meanwhile (so no two items can wait for
/// each other), and is handed the lease when its turn comes: requests for one instance are prepared once each, in the
/// order they reached the instance, and none overtakes one already waiting. Between nodes, the writer's revision guard
/// decides.
/// </summary>
internal sealed class InstanceLeases
{
    // Past this many, the revisions remembered are forgotten: they only spare a burst prepared on a read made
    // before this node's last commit of the instance from being sent back once.
    private const int MaxRememberedRevisions = 100_000;

    private readonly Lock _lock = new();
    private readonly Dictionary<string, Lease> _held = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _committed = new(StringComparer.Ordinal);

    /// <summary>Leases the instance to <paramref name="item"/>, unless another item holds it.</summary>
    public bool TryAcquire(string instanceId, WorkItem item) => Acquire(instanceId, item, waitIfHeld: false);

    /// <summary>Leases the instance to <paramref name="item"/>, or puts the item in line for it.</summary>
    public bool AcquireOrPark(string instanceId, WorkItem item) => Acquire(instanceId, item, waitIfHeld: true);

    /// <summary>
    /// Puts <paramref name="item"/> in line for the instance's lease; false when nobody holds it any more (the caller
    /// then goes on at once).
    /// </summary>
    public bool Park(string instanceId, WorkItem item)
    {
        lock (_lock)
        {
            if (!_held.TryGetValue(instanceId, out var lease))
            {
                return false;
            }

            lease.Waiting.Enqueue(item);
            return true;
        }
    }

    /// <summary>
    /// Releases every lease <paramref name="item"/> holds. A lease with items in line passes to the first of them, which
    /// is handed to <paramref name="resume"/>.
    /// </summary>
    public void ReleaseAll(WorkItem item, Action<WorkItem> resume)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(resume);
        List<WorkItem>? next = null;
        lock (_lock)
        {
            foreach (var instanceId in item.Leases)
            {
                var lease = _held[instanceId];
                if (lease.Waiting.TryDequeue(out var successor))
                {
                    lease.Holder = successor;
                    successor.Leases.Add(instanceId);
                    (next ??= []).Add(successor);
                }
                else
                {
                    _held.Remove(instanceId);
                }
            }

            item.Leases.Clear();
        }

        next?.ForEach(resume);
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

    private bool Acquire(string instanceId, WorkItem item, bool waitIfHeld)
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

                if (waitIfHeld)
                {
                    lease.Waiting.Enqueue(item);
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
        public WorkItem Holder { get; set; } = holder;

        public Queue<WorkItem> Waiting { get; } = new();
    }
}

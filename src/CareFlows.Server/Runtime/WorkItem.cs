using CareFlows.Server.Audit;

namespace CareFlows.Server.Runtime;

/// <summary>
/// One kind of request to the burst pipeline (start, resume, cancel, publish an event …). Each kind says what it will
/// look up, so that it reads it all in one round trip, and runs its own bursts in a
/// <see cref="BurstScope"/>; adding a kind touches nothing else. A request is answered only once its change set has
/// committed, or at once when it changes nothing.
/// </summary>
internal abstract class WorkItem
{
    /// <summary>Who asked for the work, from where and why: the context it was submitted under.</summary>
    public AuditContext Origin { get; } = AuditContext.Current;

    /// <summary>The instances whose leases this item holds (see <see cref="InstanceLeases"/>).</summary>
    public HashSet<string> Leases { get; } = new(StringComparer.Ordinal);

    /// <summary>What the item's bursts changed, once prepared.</summary>
    public ChangeSet? Changes { get; set; }

    /// <summary>How often the writer has sent the item back to be prepared again on newer state.</summary>
    public int Rejections { get; set; }

    /// <summary>The user on whose behalf the request acts, recorded in the history it writes; null for the workflow or the system.</summary>
    public virtual string? Actor => null;

    /// <summary>The instance the request names up front, leased before its reads are made; null when none.</summary>
    public virtual string? InstanceId => null;

    /// <summary>
    /// Records <paramref name="change"/> as done at <see cref="Origin"/>'s request, committed with the item's other
    /// changes. Kinds of work that a person or a client asks for record what they did; the engine's own steps (timers,
    /// escalations) are in the journal instead.
    /// </summary>
    protected void Audit(BurstScope scope, AuditChange change)
    {
        ArgumentNullException.ThrowIfNull(scope);
        scope.Changes.Audit.Add(change.ToEntry(Origin, scope.Runtime.Clock.GetUtcNow()));
    }

    /// <summary>Adds what the item will look up to its planned reads.</summary>
    public virtual void Plan(SnapshotPlan plan)
    {
    }

    /// <summary>Runs the item's bursts in <paramref name="scope"/> and stages its answer.</summary>
    public abstract Task RunAsync(BurstScope scope);

    /// <summary>Answers the caller with the staged result, once the item's change set has committed.</summary>
    public abstract void Commit();

    public abstract void Fail(Exception exception);
}

internal abstract class WorkItem<TResult> : WorkItem
{
    private readonly TaskCompletionSource<TResult> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<TResult> Completion => _completion.Task;

    /// <summary>The result staged while the item runs, published once it commits.</summary>
    protected TResult? Staged { get; set; }

    public override void Commit() => _completion.TrySetResult(Staged!);

    public override void Fail(Exception exception) => _completion.TrySetException(exception);
}

using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using System.Threading.Channels;
using CareFlows.Engine.Ports;

namespace CareFlows.Server.Runtime;

/// <summary>
/// Every change to instance state on this node goes through here, in two stages.
/// Preparing: each request reads what it needs outside any write transaction and runs its bursts (the engine's work,
/// scripts included) on its own, beside the others (at most <see cref="RuntimeOptions.MaxConcurrentBursts"/> at once),
/// so that one slow burst holds up nobody else's.
/// Committing: the one writer takes whatever change sets are ready (group commit), checks in its transaction that what
/// each was decided on still holds (<see cref="Admission"/>), writes them and commits; a change set that no longer holds
/// is prepared again on the newer state. Callers are answered after the commit, and timers scheduled from what
/// committed. Leases (<see cref="InstanceLeases"/>) keep two requests from working on one instance at once on a node;
/// between nodes the revision guard and the event-key locks decide.
/// </summary>
internal sealed partial class BurstPipeline(RuntimeContext runtime, IBookmarkScheduler scheduler, ILogger<BurstPipeline> logger) : BackgroundService
{
    // How many of the last batches' sizes the next one waits to match; after a burst of load passes, the wait stops
    // within this many batches.
    private const int RecentBatches = 8;

    private readonly Channel<WorkItem> _toCommit = Channel.CreateUnbounded<WorkItem>(new UnboundedChannelOptions { SingleReader = true });
    private readonly SemaphoreSlim _capacity = new(runtime.Options.QueueCapacity, runtime.Options.QueueCapacity);
    private readonly SemaphoreSlim _bursts = new(runtime.Options.MaxConcurrentBursts, runtime.Options.MaxConcurrentBursts);
    private readonly ConcurrentDictionary<WorkItem, byte> _pending = new(ReferenceEqualityComparer.Instance);
    private readonly TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly InstanceLeases _leases = new();
    private readonly InstanceCache _cache = new(runtime.Options.InstanceCacheSize);
    private readonly RuntimeConnection _writer = new(runtime.Database);
    private readonly AuditHead _auditHead = new();
    private readonly RuntimeReader _reader = new(runtime.Database);
    private readonly ConcurrentDictionary<Task, byte> _preparing = new();
    private volatile bool _stopping;

    /// <summary>Reads committed state on the pipeline's kept connections, for answers that need no burst.</summary>
    public RuntimeReader Reader => _reader;

    public async Task<TResult> RunAsync<TResult>(WorkItem<TResult> item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (_stopping)
        {
            throw new RuntimeStoppingException();
        }

        // Callers wait here when the node already holds as many requests as it may queue.
        await _capacity.WaitAsync(cancellationToken);
        _pending[item] = 0;
        if (_stopping)
        {
            Fail(item, new RuntimeStoppingException());
        }
        else
        {
            await PrepareAsync(item);
        }

        return await item.Completion;
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // Requests already accepted are still committed and answered; new ones are refused.
        _stopping = true;
        if (_pending.IsEmpty)
        {
            _drained.TrySetResult();
        }

        try
        {
            await _drained.Task.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // The host's shutdown time is up; ExecuteAsync fails whatever is left.
        }

        _toCommit.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await CommitLoopAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            foreach (var item in _pending.Keys)
            {
                Fail(item, new RuntimeStoppingException());
            }

            // Bursts still running finish before the connections they read on go.
            await Task.WhenAll(_preparing.Keys);
            await _writer.DisposeAsync();
            await _reader.DisposeAsync();
        }
    }

    /// <summary>
    /// Prepares a request: on the caller's own thread the first time, so that a request costs no hand-over between
    /// threads, and on a pool thread when it is prepared again. The first time, what the writer checks again anyway is
    /// assumed or taken from this node's cache of the instances it committed last rather than read (see
    /// <see cref="Snapshot.ReadAsync"/>); a request whose assumption fails is sent back and reads it the next time.
    /// </summary>
    private async Task PrepareAsync(WorkItem item)
    {
        // A request naming an instance another is working on waits in line for it, holding nothing meanwhile.
        if (item.InstanceId is { } instanceId && !_leases.AcquireOrPark(instanceId, item))
        {
            return;
        }

        await _bursts.WaitAsync();
        try
        {
            var snapshot = await Snapshot.ReadAsync(item, runtime, _reader, item.Rejections == 0 ? _cache : null);
            var scope = new BurstScope(snapshot, _leases, item);
            await item.RunAsync(scope);
            var changes = scope.Seal();
            if (changes.IsEmpty)
            {
                Release(item);
                Answer(item);
            }
            else
            {
                item.Changes = changes;
                if (!_toCommit.Writer.TryWrite(item))
                {
                    Release(item);
                    Fail(item, new RuntimeStoppingException());
                }
            }
        }
        catch (InstanceBusyException busy)
        {
            Release(item);
            if (!_leases.Park(busy.InstanceId, item))
            {
                Requeue(item);
            }
        }
        catch (Exception e)
        {
            Release(item);
            Fail(item, e);
        }
        finally
        {
            _bursts.Release();
        }
    }

    private async Task CommitLoopAsync(CancellationToken stoppingToken)
    {
        var batch = new List<WorkItem>(runtime.Options.MaxBatchSize);

        // Callers answered by recent batches tend to come back. Their requests may reach the writer spread over one
        // batch's time (over HTTP, each parsed in turn), so that batches split in two and each pays for a commit; the
        // next batch waits briefly for as many as the largest of the last few held.
        var recentSizes = new int[RecentBatches];
        var batches = 0;
        while (await _toCommit.Reader.WaitToReadAsync(stoppingToken))
        {
            Take(batch);
            var expected = recentSizes.Max();
            if (batch.Count < expected)
            {
                await GatherAsync(batch, expected, stoppingToken);
            }

            var started = Stopwatch.GetTimestamp();
            await CommitAsync(batch);
            LogBatch(logger, batch.Count, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            recentSizes[batches++ % RecentBatches] = batch.Count;
            batch.Clear();
        }
    }

    private void Take(List<WorkItem> batch)
    {
        while (batch.Count < runtime.Options.MaxBatchSize && _toCommit.Reader.TryRead(out var item))
        {
            batch.Add(item);
        }
    }

    /// <summary>
    /// Group commit: waits up to <see cref="RuntimeOptions.GroupCommitWait"/> for the batch to reach the size of recent
    /// ones, so that change sets ready a moment apart share a commit instead of each paying for one.
    /// </summary>
    private async Task GatherAsync(List<WorkItem> batch, int expected, CancellationToken stoppingToken)
    {
        var wait = runtime.Options.GroupCommitWait;
        if (wait <= TimeSpan.Zero)
        {
            return;
        }

        var deadline = Stopwatch.GetTimestamp() + (long)(wait.TotalSeconds * Stopwatch.Frequency);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(wait);
        while (batch.Count < expected && batch.Count < runtime.Options.MaxBatchSize && Stopwatch.GetTimestamp() < deadline)
        {
            try
            {
                if (!await _toCommit.Reader.WaitToReadAsync(timeout.Token))
                {
                    return;
                }
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
                return;
            }

            Take(batch);
        }
    }

    /// <summary>Commits a batch; a batch in flight is finished even while stopping, as its callers are owed an answer.</summary>
    private async Task CommitAsync(List<WorkItem> batch)
    {
        var items = batch.ToList();
        var lostRaces = 0;
        while (true)
        {
            try
            {
                var (admitted, rejected) = await TryCommitAsync(items);
                await SettleAsync(admitted);
                SendBack(rejected);
                return;
            }
            catch (InstanceConflictException conflict) when (conflict.InstanceId == AuditHead.ConflictKey)
            {
                // Another writer appended to the audit chain since this one last did: the batch is retried whole,
                // reading the chain's end first.
                LogConflict(logger, conflict.InstanceId);
                _auditHead.Moved();
            }
            catch (InstanceConflictException conflict) when (items.Exists(i => i.Changes!.RestsOn(conflict.InstanceId)))
            {
                // A row moved under the batch (another node committed it, or on PostgreSQL a guard in the writes found
                // it changed since it was read): the change sets resting on it are prepared again and the others
                // retried. The batch is smaller each time, so this ends without a limit of its own.
                LogConflict(logger, conflict.InstanceId);
                var losers = items.FindAll(i => i.Changes!.RestsOn(conflict.InstanceId));
                SendBack(losers.ConvertAll(l => (l, $"{conflict.InstanceId} changed")));
                items.RemoveAll(losers.Contains);
                if (items.Count == 0)
                {
                    return;
                }
            }
            catch (DbException e) when (WriterRaces.IsLostRace(e) && ++lostRaces < runtime.Options.MaxConflictRetries)
            {
                LogLostRace(logger, e.Message, lostRaces);
            }
            catch (Exception e) when (items.Count > 1)
            {
                // One bad change set must not sink the others: each is tried again on its own.
                LogBatchFailed(logger, e, items.Count);
                foreach (var item in items)
                {
                    await CommitAsync([item]);
                }

                return;
            }
            catch (Exception e)
            {
                Release(items[0]);
                Fail(items[0], e);
                return;
            }
        }
    }

    private async Task<(List<WorkItem> Admitted, List<(WorkItem Item, string Reason)> Rejected)> TryCommitAsync(List<WorkItem> items)
    {
        await _writer.BeginAsync(CancellationToken.None);
        try
        {
            var admission = new Admission(runtime, _writer);
            var (admitted, rejected) = admission.Admit(items);
            if (admitted.Count > 0)
            {
                ChangeSetWriter.Write(_writer, admitted.ConvertAll(i => i.Changes!), admission.GuardsInWrites, _auditHead);
            }

            await _writer.CommitAsync(CancellationToken.None);
            _auditHead.Committed();
            return (admitted, rejected);
        }
        catch (Exception e) when (e is InstanceConflictException || (e is DbException db && WriterRaces.IsLostRace(db)))
        {
            _auditHead.Abandoned();
            await RollbackAsync();
            throw;
        }
        catch
        {
            // The failure may have been the head's (a key taken by another writer): read it again next time.
            _auditHead.Moved();
            // Whatever failed may have left the connection unusable; closing it rolls back, and the next batch opens another.
            await _writer.ResetAsync();
            throw;
        }
        finally
        {
            await _writer.EndAsync();
        }
    }

    private async Task RollbackAsync()
    {
        try
        {
            await _writer.RollbackAsync(CancellationToken.None);
        }
        catch (Exception e) when (e is DbException or InvalidOperationException)
        {
            await _writer.ResetAsync();
        }
    }

    /// <summary>Answers the committed items, releases their instances, then schedules the timers that committed.</summary>
    private async Task SettleAsync(List<WorkItem> committed)
    {
        foreach (var item in committed)
        {
            _cache.Committed(item.Changes!);
            foreach (var change in item.Changes!.Instances)
            {
                _leases.Committed(change.Id, change.Revision + 1);
            }
        }

        foreach (var item in committed)
        {
            Release(item);
            Answer(item);
        }

        var changes = committed.ConvertAll(i => i.Changes!);
        runtime.InboxUpdates.Publish(changes);
        await ScheduleAsync(changes);
    }

    /// <summary>Prepares the items again on the state committed since, or refuses them after too many tries.</summary>
    private void SendBack(List<(WorkItem Item, string Reason)> rejected)
    {
        foreach (var (item, reason) in rejected)
        {
            LogSentBack(logger, item.GetType().Name, reason);
            Release(item);
            item.Changes = null;
            if (++item.Rejections < runtime.Options.MaxConflictRetries)
            {
                Requeue(item);
            }
            else
            {
                Fail(item, new InstanceConflictException("", $"The request met other requests for the same data too often ({reason}); try again."));
            }
        }
    }

    // Scheduling follows the commit. If this node dies in between, start-up reschedules from the bookmarks table.
    private async Task ScheduleAsync(List<ChangeSet> committed)
    {
        try
        {
            if (committed.SelectMany(c => c.TimersToUnschedule).ToList() is { Count: > 0 } gone)
            {
                await scheduler.UnscheduleAsync(gone);
            }

            if (committed.SelectMany(c => c.TimersToSchedule).ToList() is { Count: > 0 } timers)
            {
                await scheduler.ScheduleAsync(timers);
            }
        }
        catch (Exception e)
        {
            LogScheduleFailed(logger, e);
        }
    }

    /// <summary>Prepares a request again, on a pool thread: it was handed a lease it waited for, or sent back by the writer.</summary>
    private void Requeue(WorkItem item)
    {
        var preparing = Task.Run(() => PrepareAsync(item));
        _preparing[preparing] = 0;
        _ = preparing.ContinueWith(done => _preparing.TryRemove(done, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private void Release(WorkItem item) => _leases.ReleaseAll(item, Requeue);

    private void Answer(WorkItem item)
    {
        item.Commit();
        Done(item);
    }

    private void Fail(WorkItem item, Exception exception)
    {
        item.Fail(exception);
        Done(item);
    }

    private void Done(WorkItem item)
    {
        if (_pending.TryRemove(item, out _))
        {
            _capacity.Release();
            if (_stopping && _pending.IsEmpty)
            {
                _drained.TrySetResult();
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Request} prepared again: {Reason}.")]
    private static partial void LogSentBack(ILogger logger, string request, string reason);

    [LoggerMessage(Level = LogLevel.Trace, Message = "Committed a batch of {Count} requests in {Elapsed:0.00} ms.")]
    private static partial void LogBatch(ILogger logger, int count, double elapsed);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Key} changed under a batch; preparing the requests resting on it again.")]
    private static partial void LogConflict(ILogger logger, string key);

    [LoggerMessage(Level = LogLevel.Information, Message = "A batch lost a race with another node ({Reason}; attempt {Attempt}); retrying.")]
    private static partial void LogLostRace(ILogger logger, string reason, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A batch of {Count} requests failed; retrying each on its own.")]
    private static partial void LogBatchFailed(ILogger logger, Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Committed timers could not be scheduled; they will be rescheduled at the next start-up.")]
    private static partial void LogScheduleFailed(ILogger logger, Exception exception);
}

/// <summary>The node is shutting down and accepts no more requests.</summary>
public sealed class RuntimeStoppingException() : Exception("CareFlows is shutting down; try again shortly.");

using System.Data.Common;
using System.Diagnostics;
using System.Threading.Channels;
using CareFlows.Engine.Ports;

namespace CareFlows.Server.Runtime;

/// <summary>
/// The one writer of instance state on this node. Requests queue here; the writer takes whatever has arrived
/// (up to <see cref="RuntimeOptions.MaxBatchSize"/>), runs their bursts and commits them in one transaction, then
/// answers the callers and hands the committed timers to the scheduler. One writer means bursts of one instance
/// never interleave on a node; between nodes, the revision guard and per-event locks decide (see BurstBatch). The writer keeps one connection open, with
/// its statements prepared, for all its batches.
/// </summary>
internal sealed partial class BurstPipeline(RuntimeContext runtime, IBookmarkScheduler scheduler, ILogger<BurstPipeline> logger) : BackgroundService
{
    private readonly Channel<WorkItem> _queue = Channel.CreateBounded<WorkItem>(new BoundedChannelOptions(runtime.Options.QueueCapacity)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.Wait,
    });

    // How many of the last batches' sizes the next one waits to match; after a burst of load passes, the wait stops
    // within this many batches.
    private const int RecentBatches = 8;

    private readonly WriterConnection _writer = new(runtime.Database);

    public async Task<TResult> RunAsync<TResult>(WorkItem<TResult> item, CancellationToken cancellationToken)
    {
        try
        {
            await _queue.Writer.WriteAsync(item, cancellationToken);
        }
        catch (ChannelClosedException)
        {
            throw new RuntimeStoppingException();
        }

        return await item.Completion;
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // Requests already queued are still committed; new ones are refused.
        _queue.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<WorkItem>(runtime.Options.MaxBatchSize);
        // Callers answered by recent batches tend to come back. Their requests may reach the writer spread over one
        // batch's time (over HTTP, each parsed in turn), so that batches split in two and each pays for a commit; the
        // next batch waits briefly for as many as the largest of the last few held.
        var recentSizes = new int[RecentBatches];
        var batches = 0;
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken))
            {
                Take(batch);
                var expected = recentSizes.Max();
                if (batch.Count < expected)
                {
                    await GatherAsync(batch, expected, stoppingToken);
                }

                // A batch in flight is finished even while stopping: its callers are owed an answer.
                var started = Stopwatch.GetTimestamp();
                await ProcessAsync(batch, CancellationToken.None);
                LogBatch(logger, batch.Count, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                recentSizes[batches++ % RecentBatches] = batch.Count;
                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            while (_queue.Reader.TryRead(out var item))
            {
                item.Fail(new RuntimeStoppingException());
            }
        }
        finally
        {
            await _writer.DisposeAsync();
        }
    }

    private void Take(List<WorkItem> batch)
    {
        while (batch.Count < runtime.Options.MaxBatchSize && _queue.Reader.TryRead(out var item))
        {
            batch.Add(item);
        }
    }

    /// <summary>
    /// Group commit: waits up to <see cref="RuntimeOptions.GroupCommitWait"/> for the batch to reach the size of recent
    /// ones, so that requests arriving a moment apart share a commit instead of each paying for one.
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
                if (!await _queue.Reader.WaitToReadAsync(timeout.Token))
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

    private async Task ProcessAsync(List<WorkItem> items, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            BurstBatch? committed = null;
            try
            {
                committed = await TryCommitAsync(items, cancellationToken);
            }
            catch (InstanceConflictException conflict) when (attempt < runtime.Options.MaxConflictRetries)
            {
                LogConflict(logger, conflict.InstanceId, attempt);
                continue;
            }
            catch (DbException e) when (attempt < runtime.Options.MaxConflictRetries && WriterRaces.IsLostRace(e))
            {
                LogLostRace(logger, e.Message, attempt);
                continue;
            }
            catch (Exception e) when (items.Count > 1)
            {
                // One bad request must not sink the others: each is tried again on its own.
                LogBatchFailed(logger, e, items.Count);
                foreach (var item in items)
                {
                    await ProcessAsync([item], cancellationToken);
                }

                return;
            }
            catch (Exception e)
            {
                items[0].Fail(e);
                return;
            }

            Publish(items);
            await ScheduleAsync(committed);
            return;
        }
    }

    private async Task<BurstBatch> TryCommitAsync(IReadOnlyList<WorkItem> items, CancellationToken cancellationToken)
    {
        await _writer.BeginAsync(cancellationToken);
        try
        {
            var batch = new BurstBatch(runtime, _writer);
            await batch.RunAsync(items, cancellationToken);
            await _writer.CommitAsync(cancellationToken);
            return batch;
        }
        catch (Exception e) when (e is InstanceConflictException || (e is DbException db && WriterRaces.IsLostRace(db)))
        {
            await RollbackAsync();
            throw;
        }
        catch
        {
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

    private static void Publish(IReadOnlyList<WorkItem> items)
    {
        foreach (var item in items)
        {
            item.Commit();
        }
    }

    // Scheduling follows the commit. If this node dies in between, start-up reschedules from the bookmarks table.
    private async Task ScheduleAsync(BurstBatch committed)
    {
        try
        {
            if (committed.TimersToUnschedule is { Count: > 0 } gone)
            {
                await scheduler.UnscheduleAsync(gone);
            }

            if (committed.TimersToSchedule is { Count: > 0 } timers)
            {
                await scheduler.ScheduleAsync(timers);
            }
        }
        catch (Exception e)
        {
            LogScheduleFailed(logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Trace, Message = "Committed a batch of {Count} requests in {Elapsed:0.00} ms.")]
    private static partial void LogBatch(ILogger logger, int count, double elapsed);

    [LoggerMessage(Level = LogLevel.Information, Message = "Instance {InstanceId} changed under a batch (attempt {Attempt}); retrying.")]
    private static partial void LogConflict(ILogger logger, string instanceId, int attempt);

    [LoggerMessage(Level = LogLevel.Information, Message = "A batch lost a race with another node ({Reason}; attempt {Attempt}); retrying.")]
    private static partial void LogLostRace(ILogger logger, string reason, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A batch of {Count} requests failed; retrying each on its own.")]
    private static partial void LogBatchFailed(ILogger logger, Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Committed timers could not be scheduled; they will be rescheduled at the next start-up.")]
    private static partial void LogScheduleFailed(ILogger logger, Exception exception);
}

/// <summary>The node is shutting down and accepts no more requests.</summary>
public sealed class RuntimeStoppingException() : Exception("CareFlows is shutting down; try again shortly.");

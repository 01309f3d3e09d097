using System.Diagnostics.Tracing;
using System.Globalization;

namespace CareFlows.LoadHarness;

/// <summary>
/// Memory during a phase: the working set and its private (anonymous) part at the start and at their peaks, the
/// managed heap's peak, bytes allocated, and gen 0 / 1 / 2 collections.
/// </summary>
internal sealed record MemoryUse(long StartWorkingSet, long PeakWorkingSet, long StartPrivate, long PeakPrivate, long PeakManagedHeap, long Allocated, string Collections);

/// <summary>
/// This process's memory, sampled every 20 ms from a full collection until stopped: the peaks of its working set, of
/// the part of it that is its own (anonymous: heaps, stacks; not mapped files, such as SQLite's mapped database) and
/// of the managed heap, and the bytes allocated and collections made meanwhile.
/// </summary>
internal sealed class MemorySampler : IAsyncDisposable
{
    private static readonly TimeSpan SampleEvery = TimeSpan.FromMilliseconds(20);

    private readonly CancellationTokenSource _stop = new();
    private readonly AllocationListener _allocations = new();
    private readonly Task _sampling;
    private readonly (long WorkingSet, long Private) _start;
    private readonly int[] _collections;
    private (long WorkingSet, long Private) _peak;
    private long _peakHeap;

    public MemorySampler()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        _start = _peak = Resident();
        _peakHeap = GC.GetTotalMemory(false);
        _collections = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
        _sampling = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(SampleEvery);
            try
            {
                while (await timer.WaitForNextTickAsync(_stop.Token))
                {
                    Sample();
                }
            }
            catch (OperationCanceledException)
            {
                // Stopped.
            }
        });
    }

    public async Task<MemoryUse> StopAsync()
    {
        var allocated = await _allocations.StopAsync();
        Sample();
        await _stop.CancelAsync();
        await _sampling;
        var collections = string.Join(" / ", Enumerable.Range(0, 3).Select(g => GC.CollectionCount(g) - _collections[g]));
        return new MemoryUse(_start.WorkingSet, _peak.WorkingSet, _start.Private, _peak.Private, _peakHeap, allocated, collections);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _sampling;
        _stop.Dispose();
        _allocations.Dispose();
    }

    private void Sample()
    {
        var now = Resident();
        _peak = (Math.Max(_peak.WorkingSet, now.WorkingSet), Math.Max(_peak.Private, now.Private));
        _peakHeap = Math.Max(_peakHeap, GC.GetTotalMemory(false));
    }

    /// <summary>The working set and its anonymous part (Linux's RssAnon); elsewhere the working set for both.</summary>
    private static (long WorkingSet, long Private) Resident()
    {
        const string Status = "/proc/self/status";
        if (!File.Exists(Status))
        {
            return (Environment.WorkingSet, Environment.WorkingSet);
        }

        long rss = 0, anonymous = 0;
        foreach (var line in File.ReadLines(Status))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                rss = Kilobytes(line);
            }
            else if (line.StartsWith("RssAnon:", StringComparison.Ordinal))
            {
                anonymous = Kilobytes(line);
            }
        }

        return (rss, anonymous);

        static long Kilobytes(string line) => 1024 * long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Bytes allocated, from the runtime's allocation ticks (one per about 100 KB a heap hands out). Not
    /// GC.GetTotalAllocatedBytes: under the server collector's dynamic heap count (DATAS, on by default) it sums only
    /// the heaps in use at the moment, and goes down when one is retired.
    /// </summary>
    private sealed class AllocationListener : EventListener
    {
        private const EventKeywords GcKeyword = (EventKeywords)0x1;
        private long _bytes;
        private volatile bool _counting = true;

        protected override void OnEventSourceCreated(EventSource eventSource)
        {
            if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
            {
                EnableEvents(eventSource, EventLevel.Verbose, GcKeyword);
            }
        }

        protected override void OnEventWritten(EventWrittenEventArgs eventData)
        {
            if (_counting && eventData.EventName?.StartsWith("GCAllocationTick", StringComparison.Ordinal) == true
                && eventData.PayloadNames?.IndexOf("AllocationAmount64") is >= 0 and var index)
            {
                Interlocked.Add(ref _bytes, Convert.ToInt64(eventData.Payload![index], CultureInfo.InvariantCulture));
            }
        }

        /// <summary>The bytes counted, once the runtime has delivered the ticks still on their way.</summary>
        public async Task<long> StopAsync()
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            _counting = false;
            return Interlocked.Read(ref _bytes);
        }
    }
}

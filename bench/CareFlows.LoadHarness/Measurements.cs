using System.Diagnostics;

namespace CareFlows.LoadHarness;

/// <summary>Milliseconds, summarised by nearest-rank percentiles.</summary>
internal sealed record Percentiles(double P50, double P95, double P99, double Max)
{
    public static Percentiles Of(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return new Percentiles(double.NaN, double.NaN, double.NaN, double.NaN);
        }

        double Rank(double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
        return new Percentiles(Rank(0.50), Rank(0.95), Rank(0.99), sorted[^1]);
    }
}

/// <summary>One phase: how many calls, how long the whole phase took, each call's latency, and what failed.</summary>
/// <param name="Count">Calls made.</param>
/// <param name="Elapsed">From the first call to the last answer.</param>
/// <param name="Latency">Each call's latency as its client saw it, in milliseconds.</param>
/// <param name="Errors">Calls that failed.</param>
/// <param name="FirstError">The first failure's message.</param>
/// <param name="MachineBusy">The share of all the machine's cores busy during the phase, whoever used them.</param>
/// <param name="HarnessCpu">CPU time this process used during the phase (in-process: client and server together).</param>
internal sealed record PhaseResult(int Count, TimeSpan Elapsed, Percentiles Latency, int Errors, string? FirstError, double MachineBusy, TimeSpan HarnessCpu)
{
    /// <summary>CPU time the server process used during the phase, when it runs in a process of its own.</summary>
    public TimeSpan ServerCpu { get; init; }

    public double PerSecond => Count / Elapsed.TotalSeconds;

    /// <summary>
    /// Runs <paramref name="count"/> calls from <paramref name="clients"/> concurrent clients, each taking the next
    /// index as soon as its previous call returned (a closed loop), and times every call.
    /// </summary>
    public static async Task<PhaseResult> RunAsync(int count, int clients, Func<int, Task> call)
    {
        var latencies = new double[count];
        var next = -1;
        var errors = 0;
        string? firstError = null;
        using var self = Process.GetCurrentProcess();
        var cpu = self.TotalProcessorTime;
        var machine = MachineLoad.Sample();
        var watch = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    await call(i);
                }
                catch (Exception e)
                {
                    if (Interlocked.Increment(ref errors) == 1)
                    {
                        firstError = e.Message;
                    }
                }

                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
        }));
        await Task.WhenAll(workers);
        watch.Stop();
        self.Refresh();
        return new PhaseResult(count, watch.Elapsed, Percentiles.Of(latencies), errors, firstError,
            MachineLoad.Busy(machine, MachineLoad.Sample()), self.TotalProcessorTime - cpu);
    }
}

/// <summary>How late the Delay timers resumed their instances.</summary>
internal sealed record TimerResult(int Count, int Finished, TimeSpan StartPhase, Percentiles Lateness, string? Problem);

/// <summary>Start-up with many open timers: how many TimerRecovery rescheduled, how long it took, and the whole start-up.</summary>
internal sealed record RescheduleResult(int Inserted, int Rescheduled, TimeSpan Reschedule, TimeSpan Startup);

internal sealed record RunResult(
    string LoadAverage,
    double CommitProbe,
    BenchDb Db,
    BenchMode Mode,
    int Clients,
    PhaseResult? Starts,
    PhaseResult? Resumes,
    int ResumesFinished,
    PhaseResult? SingleClient,
    TimerResult? Timers,
    RescheduleResult? Reschedule,
    InboxResult? Inbox,
    string? Failure,
    AdtResult? Adt = null,
    AuditVerifyResult? Audit = null);

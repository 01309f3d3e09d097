using System.Diagnostics;
using System.Globalization;

namespace CareFlows.LoadHarness;

/// <summary>
/// How busy the whole machine's CPUs are (from /proc/stat), so that a result measured while other work ran can be told
/// apart, and so that a run can wait for a quiet machine first.
/// </summary>
internal static class MachineLoad
{
    /// <summary>Busy and total CPU time of every core since boot, in clock ticks; zeros where /proc/stat is missing.</summary>
    public static (long Busy, long Total) Sample()
    {
        if (!File.Exists("/proc/stat"))
        {
            return (0, 0);
        }

        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        var total = fields.Take(8).Sum();
        var idle = fields[3] + fields[4];
        return (total - idle, total);
    }

    /// <summary>The share of all cores that was busy between two samples.</summary>
    public static double Busy((long Busy, long Total) from, (long Busy, long Total) to) =>
        to.Total > from.Total ? (double)(to.Busy - from.Busy) / (to.Total - from.Total) : double.NaN;

    /// <summary>Waits until the machine was at most <paramref name="threshold"/> busy for five seconds in a row, or the time is up.</summary>
    public static async Task<bool> WaitForQuietAsync(TimeSpan limit, double threshold)
    {
        var watch = Stopwatch.StartNew();
        var quiet = 0;
        while (watch.Elapsed < limit)
        {
            var before = Sample();
            await Task.Delay(1000);
            quiet = Busy(before, Sample()) <= threshold ? quiet + 1 : 0;
            if (quiet >= 5)
            {
                return true;
            }
        }

        return false;
    }
}

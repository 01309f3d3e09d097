using CareFlows.Server.Tests.TestSupport;
using Quartz;

namespace CareFlows.Server.Tests.Scheduling;

public sealed class QuartzLoggingTests
{
    [Fact]
    public async Task A_host_starts_and_schedules_after_another_host_in_the_process_has_stopped()
    {
        var first = new SqliteApp();
        await first.InitializeAsync();
        await first.DisposeAsync();

        // Quartz's process-wide log provider still refers to the first host; it must not break the second.
        await using var second = new SqliteApp();
        await second.InitializeAsync();
        var scheduler = await second.Get<ISchedulerFactory>().GetScheduler(TestContext.Current.CancellationToken);

        // The scheduler can still be starting when the host's start-up returns (seen on a busy machine); it must get there.
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!scheduler.IsStarted && waited.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), TestContext.Current.CancellationToken);
        }

        Assert.True(scheduler.IsStarted);
        Assert.False(scheduler.IsShutdown);
    }
}

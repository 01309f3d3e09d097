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

        Assert.True(scheduler.IsStarted);
        Assert.False(scheduler.IsShutdown);
    }
}

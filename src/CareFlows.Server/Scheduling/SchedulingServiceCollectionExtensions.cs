using CareFlows.Engine.Ports;
using CareFlows.Server.Runtime;
using Quartz;

namespace CareFlows.Server.Scheduling;

public static class SchedulingServiceCollectionExtensions
{
    private static int _hosts;

    /// <summary>
    /// Quartz with its in-memory store, fed from the bookmarks table at start-up. Every node arms every published
    /// trigger and every open timer it knows of: a trigger occurrence starts one instance however many nodes fire it,
    /// and a bookmark is consumed once however many nodes resume it.
    /// </summary>
    public static IServiceCollection AddCareFlowsScheduling(this IServiceCollection services)
    {
        services.AddQuartz(q =>
        {
            // Quartz keeps its schedulers in a process-wide registry by name, and a host asking for its scheduler gets
            // whichever has that name. A name per host keeps hosts sharing a process (the tests, the load harness)
            // from taking each other's scheduler, and being shut down with it.
            q.SchedulerName = "CareFlows-" + Interlocked.Increment(ref _hosts).ToString(System.Globalization.CultureInfo.InvariantCulture);
            q.UseInMemoryStore();
            q.UseDefaultThreadPool(pool => pool.MaxConcurrency = 16);
            // Triggers due together are taken together, so a crowd of timers does not queue behind one another.
            q.MaxBatchSize = 16;
        });
        services.UseHostTolerantQuartzLogging();
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        services.AddSingleton<IBookmarkScheduler, QuartzBookmarkScheduler>();
        services.AddSingleton<TriggerScheduler>();
        services.AddSingleton<IWorkflowTriggers>(sp => sp.GetRequiredService<TriggerScheduler>());
        services.AddTransient<ResumeTimerJob>();
        services.AddTransient<StartTriggerJob>();
        services.AddHostedService<TimerRecovery>();
        services.AddHostedService<PublishedVersionsWatcher>();
        return services;
    }
}

using CareFlows.Engine.Ports;
using CareFlows.Server.Runtime;
using Quartz;

namespace CareFlows.Server.Scheduling;

public static class SchedulingServiceCollectionExtensions
{
    /// <summary>
    /// Quartz with its in-memory store, fed from the bookmarks table at start-up (a single node; see DESIGN §4 for
    /// the clustered store several nodes would share).
    /// </summary>
    public static IServiceCollection AddCareFlowsScheduling(this IServiceCollection services)
    {
        services.AddQuartz(q =>
        {
            q.SchedulerName = "CareFlows";
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
        return services;
    }
}

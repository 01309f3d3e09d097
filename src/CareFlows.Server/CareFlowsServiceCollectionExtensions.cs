using CareFlows.Server.Audit;
using CareFlows.Server.Auth;
using CareFlows.Server.Features.Access;
using CareFlows.Server.Features.Definitions;
using CareFlows.Server.Features.Demo;
using CareFlows.Server.Features.Feeds;
using CareFlows.Server.Features.Metrics;
using CareFlows.Server.Features.Tasks;
using CareFlows.Server.Features.Teams;
using CareFlows.Server.Features.Users;
using CareFlows.Server.Infrastructure;
using CareFlows.Server.Persistence;
using CareFlows.Server.Runtime;
using CareFlows.Server.Scheduling;

namespace CareFlows.Server;

public static class CareFlowsServiceCollectionExtensions
{
    /// <summary>
    /// Everything the server runs apart from its HTTP API: database, start-up work, scheduler, durable runtime,
    /// sign-in, the definition store, and users and teams. The load harness hosts exactly this in its in-process runs.
    /// </summary>
    public static IServiceCollection AddCareFlowsServer(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddCareFlowsPersistence(configuration, environment);
        // Hosted services start in registration order and stop in reverse: the database is prepared first, and the burst
        // pipeline stops before the scheduler, so that its last commits can still schedule their timers.
        services.AddHostedService<StartupInitializer>();
        services.AddCareFlowsScheduling();
        services.AddCareFlowsRuntime(configuration);
        services.AddCareFlowsAuth(configuration);
        services.AddCareFlowsAudit(configuration, environment);
        services.AddCareFlowsAccess(configuration);
        // After the runtime: a message the MLLP listener takes is published through it.
        services.AddCareFlowsFeeds(configuration);
        // Last: the demo runs its pathways through the runtime, which must be up.
        services.AddSingleton(configuration.GetSection(DemoPathwayOptions.Section).Get<DemoPathwayOptions>() ?? new DemoPathwayOptions());
        services.AddHostedService<DemoPathways>();
        services.AddScoped<DefinitionStore>();
        services.AddScoped<TeamMembership>();
        services.AddScoped<UserDirectory>();
        services.AddScoped<SessionDirectory>();
        services.AddScoped<TaskActors>();
        services.AddSingleton<TaskFormValidators>();
        services.AddSingleton<Features.TestRuns.TestRuns>();
        services.AddScoped<TaskRequestContext>();
        services.AddScoped<MetricsCalculator>();
        services.AddHttpContextAccessor();
        return services;
    }
}

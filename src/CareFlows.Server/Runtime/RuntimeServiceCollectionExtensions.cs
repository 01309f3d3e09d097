using CareFlows.Engine.Hosting;
using CareFlows.Engine.Ports;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CareFlows.Server.Runtime;

public static class RuntimeServiceCollectionExtensions
{
    /// <summary>
    /// Registers the engine (its limits from the <c>Engine</c> configuration section, for example
    /// <c>Engine:Expressions:ScriptTimeout</c>, and the organisation's business-day calendar from the <c>Calendar</c>
    /// section, for example <c>Calendar:TimeZone</c>), the definition catalog and the burst pipeline that commits every burst.
    /// Ids are time ordered, so that rows keyed by them are stored in the order they are made.
    /// </summary>
    public static IServiceCollection AddCareFlowsRuntime(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton<IIdentityGenerator>(sp => new TimeOrderedIdentityGenerator(sp.GetService<TimeProvider>() ?? TimeProvider.System));
        services.AddCareFlowsEngine(options =>
        {
            configuration.GetSection("Engine").Bind(options);
            configuration.GetSection("Calendar").Bind(options.Calendar);
        });
        services.AddSingleton((configuration.GetSection(RuntimeOptions.Section).Get<RuntimeOptions>() ?? new RuntimeOptions()).Validated());
        services.AddSingleton<WorkflowCatalog>();
        services.AddSingleton<InboxUpdates>();
        services.AddSingleton<RuntimeContext>();
        services.AddSingleton<BurstPipeline>();
        services.AddHostedService(sp => sp.GetRequiredService<BurstPipeline>());
        services.AddSingleton(sp => new WorkflowRuntime(
            sp.GetRequiredService<BurstPipeline>(),
            sp.GetRequiredService<WorkflowCatalog>(),
            sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddHostedService<EventBufferSweeper>();
        return services;
    }
}

using CareFlows.Engine.Activities;
using CareFlows.Engine.Calendar;
using CareFlows.Engine.Definitions.Validation;
using CareFlows.Engine.Execution;
using CareFlows.Engine.Expressions;
using CareFlows.Engine.Ports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CareFlows.Engine.Hosting;

/// <summary>Registers the engine with dependency injection.</summary>
public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Adds the workflow engine, its activity registry, expression compiler and validator, and the organisation's
    /// <see cref="BusinessCalendar"/> built from <see cref="EngineOptions.Calendar"/>. The system clock and random ids
    /// are used unless a <see cref="TimeProvider"/> or <see cref="IIdentityGenerator"/> is registered.
    /// </summary>
    public static IServiceCollection AddCareFlowsEngine(this IServiceCollection services, Action<EngineOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = new EngineOptions();
        configure?.Invoke(options);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IIdentityGenerator, RandomIdentityGenerator>();
        services.TryAddSingleton(options);
        services.TryAddSingleton(_ => ActivityRegistry.CreateDefault());
        services.TryAddSingleton(sp => new BusinessCalendar(sp.GetRequiredService<EngineOptions>().Calendar));
        services.TryAddSingleton(sp => DefaultExpressionSyntaxes.CreateCompiler(
            sp.GetRequiredService<EngineOptions>().Expressions,
            sp.GetRequiredService<BusinessCalendar>()));
        services.TryAddSingleton(sp => new WorkflowEngine(
            sp.GetRequiredService<ActivityRegistry>(),
            sp.GetRequiredService<ExpressionCompiler>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IIdentityGenerator>(),
            sp.GetRequiredService<EngineOptions>(),
            sp.GetRequiredService<BusinessCalendar>()));
        services.TryAddSingleton(sp => new WorkflowDefinitionValidator(sp.GetRequiredService<ActivityRegistry>(), sp.GetRequiredService<WorkflowEngine>().Compiler));
        return services;
    }
}

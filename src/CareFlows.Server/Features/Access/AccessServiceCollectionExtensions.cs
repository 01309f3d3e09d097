namespace CareFlows.Server.Features.Access;

public static class AccessServiceCollectionExtensions
{
    /// <summary>Break-the-glass grants and their settings.</summary>
    public static IServiceCollection AddCareFlowsAccess(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(AccessOptions.Section).Get<AccessOptions>() ?? new AccessOptions();
        if (options.BreakGlassDuration <= TimeSpan.Zero || options.BreakGlassDuration > AccessOptions.MaxBreakGlassDuration)
        {
            throw new InvalidOperationException(
                $"{AccessOptions.Section}:{nameof(AccessOptions.BreakGlassDuration)} must be positive and at most {AccessOptions.MaxBreakGlassDuration}; it is {options.BreakGlassDuration}.");
        }

        services.AddSingleton(options);
        services.AddScoped<AccessGrants>();
        return services;
    }
}

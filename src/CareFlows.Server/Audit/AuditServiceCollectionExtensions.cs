namespace CareFlows.Server.Audit;

public static class AuditServiceCollectionExtensions
{
    /// <summary>The audit log's options, its checkpoint key and the writer that signs the chain's end periodically.</summary>
    public static IServiceCollection AddCareFlowsAudit(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var options = configuration.GetSection(AuditOptions.Section).Get<AuditOptions>() ?? new AuditOptions();
        if (options.CheckpointInterval <= TimeSpan.Zero)
        {
            throw new InvalidOperationException($"{AuditOptions.Section}:{nameof(AuditOptions.CheckpointInterval)} must be positive.");
        }

        if (options.RetentionYears < AuditOptions.MinimumRetentionYears)
        {
            throw new InvalidOperationException(
                $"{AuditOptions.Section}:{nameof(AuditOptions.RetentionYears)} must be at least {AuditOptions.MinimumRetentionYears} (HIPAA); it is {options.RetentionYears}.");
        }

        services.AddSingleton(options);
        services.AddScoped<AuditedWrite>();
        services.AddSingleton(_ => AuditCheckpointKey.Load(options, environment.ContentRootPath));
        services.AddHostedService<AuditCheckpointWriter>();
        return services;
    }
}

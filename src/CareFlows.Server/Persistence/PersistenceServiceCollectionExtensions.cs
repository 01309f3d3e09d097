using Microsoft.EntityFrameworkCore;

namespace CareFlows.Server.Persistence;

public static class PersistenceServiceCollectionExtensions
{
    /// <summary>Registers the DbContext for the configured provider and the raw connection factory.</summary>
    public static IServiceCollection AddCareFlowsPersistence(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = ResolveConnectionString(options, environment);
        services.AddSingleton(options);
        services.AddSingleton(new DatabaseConnections(options.Provider, connectionString));
        // Pooled: every request reads through a context, and building one afresh costs more than a small query.
        switch (options.Provider)
        {
            case DatabaseProvider.Sqlite:
                services.AddDbContextPool<CareFlowsDbContext, SqliteCareFlowsDbContext>(o => o
                    .UseSqlite(connectionString)
                    .AddInterceptors(new SqlitePragmaInterceptor()));
                break;
            case DatabaseProvider.Postgres:
                services.AddDbContextPool<CareFlowsDbContext, PostgresCareFlowsDbContext>(o => o.UseNpgsql(DatabaseConnections.WithAutoPrepare(connectionString)));
                break;
            case DatabaseProvider.SqlServer:
                services.AddDbContextPool<CareFlowsDbContext, SqlServerCareFlowsDbContext>(o => o.UseSqlServer(connectionString));
                break;
            default:
                throw new InvalidOperationException($"Database:Provider '{options.Provider}' is not one of Sqlite, Postgres, SqlServer.");
        }

        return services;
    }

    private static string ResolveConnectionString(DatabaseOptions options, IHostEnvironment environment)
    {
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return options.ConnectionString;
        }

        if (options.Provider != DatabaseProvider.Sqlite)
        {
            throw new InvalidOperationException($"Database:ConnectionString is required for the {options.Provider} provider.");
        }

        var folder = Path.GetFullPath(options.DataFolder, environment.ContentRootPath);
        Directory.CreateDirectory(folder);
        return $"Data Source={Path.Combine(folder, "careflows.db")}";
    }
}

using Microsoft.EntityFrameworkCore;

namespace CareFlows.Server.Persistence;

/// <summary>Creates and migrates the database before anything else touches it.</summary>
public static class DatabaseInitializer
{
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        if (!scope.ServiceProvider.GetRequiredService<DatabaseOptions>().MigrateOnStartup)
        {
            return;
        }

        var db = scope.ServiceProvider.GetRequiredService<CareFlowsDbContext>();
        await db.Database.MigrateAsync(cancellationToken);
    }
}

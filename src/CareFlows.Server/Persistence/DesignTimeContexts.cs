using Microsoft.EntityFrameworkCore;

namespace CareFlows.Server.Persistence;

/// <summary>
/// Contexts for generating migrations and scripts without a database: the connection strings are never opened.
/// </summary>
public static class DesignTimeContexts
{
    public static CareFlowsDbContext Create(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => new SqliteCareFlowsDbContext(
            new DbContextOptionsBuilder<SqliteCareFlowsDbContext>().UseSqlite("Data Source=design.db").Options),
        DatabaseProvider.Postgres => new PostgresCareFlowsDbContext(
            new DbContextOptionsBuilder<PostgresCareFlowsDbContext>().UseNpgsql("Host=localhost").Options),
        DatabaseProvider.SqlServer => new SqlServerCareFlowsDbContext(
            new DbContextOptionsBuilder<SqlServerCareFlowsDbContext>().UseSqlServer("Server=localhost").Options),
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, null),
    };
}

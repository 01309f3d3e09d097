using Microsoft.EntityFrameworkCore;

namespace CareFlows.Server.Persistence;

/// <summary>
/// Contexts outside a host: for generating migrations and scripts (without a connection string, nothing is ever
/// opened), and for tools that inspect a database directly.
/// </summary>
public static class DesignTimeContexts
{
    public static CareFlowsDbContext Create(DatabaseProvider provider, string? connectionString = null) => provider switch
    {
        DatabaseProvider.Sqlite => new SqliteCareFlowsDbContext(
            new DbContextOptionsBuilder<SqliteCareFlowsDbContext>().UseSqlite(connectionString ?? "Data Source=design.db").Options),
        DatabaseProvider.Postgres => new PostgresCareFlowsDbContext(
            new DbContextOptionsBuilder<PostgresCareFlowsDbContext>().UseNpgsql(connectionString ?? "Host=localhost").Options),
        DatabaseProvider.SqlServer => new SqlServerCareFlowsDbContext(
            new DbContextOptionsBuilder<SqlServerCareFlowsDbContext>().UseSqlServer(connectionString ?? "Server=localhost").Options),
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, null),
    };
}

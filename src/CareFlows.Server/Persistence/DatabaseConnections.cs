using System.Data.Common;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CareFlows.Server.Persistence;

/// <summary>
/// Opens plain ADO.NET connections to the configured database, for the burst writer's hot path, which issues
/// prepared commands instead of going through change tracking.
/// </summary>
public sealed class DatabaseConnections
{
    public DatabaseConnections(DatabaseProvider provider, string connectionString)
    {
        Provider = provider;
        ConnectionString = connectionString;
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    public Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default) => OpenAsync(ConnectionString, cancellationToken);

    /// <summary>
    /// Opens the burst writer's long-lived connection. On PostgreSQL its statements are prepared on the server once
    /// they repeat (Npgsql's automatic preparation), unless the connection string already says otherwise, and each
    /// execution is planned for its own values.
    /// </summary>
    public Task<DbConnection> OpenWriterAsync(CancellationToken cancellationToken = default)
    {
        if (Provider != DatabaseProvider.Postgres)
        {
            return OpenAsync(ConnectionString, cancellationToken);
        }

        var builder = new NpgsqlConnectionStringBuilder(ConnectionString);
        if (builder.MaxAutoPrepare == 0)
        {
            builder.MaxAutoPrepare = 64;
            builder.AutoPrepareMinUsages = 2;
        }

        // A prepared statement's generic plan is made once and kept for the connection's life. Made while a table was
        // still small (a new installation, a fresh database), it scans the table where an index would do, and keeps
        // doing so as the table grows; planning each execution for its own values keeps the lookups on their indexes.
        builder.Options = string.IsNullOrWhiteSpace(builder.Options)
            ? "-c plan_cache_mode=force_custom_plan"
            : builder.Options + " -c plan_cache_mode=force_custom_plan";

        return OpenAsync(builder.ConnectionString, cancellationToken);
    }

    private async Task<DbConnection> OpenAsync(string connectionString, CancellationToken cancellationToken)
    {
        DbConnection connection = Provider switch
        {
            DatabaseProvider.Sqlite => new SqliteConnection(connectionString),
            DatabaseProvider.Postgres => new NpgsqlConnection(connectionString),
            DatabaseProvider.SqlServer => new SqlConnection(connectionString),
            _ => throw new InvalidOperationException($"Unknown database provider {Provider}."),
        };
        try
        {
            await connection.OpenAsync(cancellationToken);
            await SqlitePragmas.ApplyAsync(connection, cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}

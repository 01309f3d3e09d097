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
    /// they repeat (Npgsql's automatic preparation), unless the connection string already says otherwise. Their
    /// plans, and those of the foreign-key checks their writes make, are then kept rather than made for every
    /// execution, which cost more than the writes themselves; every lookup the writer makes is an equality on a whole
    /// index key, so a kept plan fits every value (and PostgreSQL replans when ANALYZE renews a table's statistics).
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

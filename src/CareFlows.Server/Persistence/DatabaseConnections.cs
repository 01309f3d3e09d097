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
    /// Opens one of the runtime's long-lived connections (the burst writer's and its readers'). On PostgreSQL its statements are prepared on the server once
    /// they repeat (Npgsql's automatic preparation), unless the connection string already says otherwise, and their
    /// plans, and those of the foreign-key checks their writes make, are kept rather than made for every execution,
    /// which cost more than the writes themselves.
    /// </summary>
    public Task<DbConnection> OpenRuntimeAsync(CancellationToken cancellationToken = default)
    {
        if (Provider != DatabaseProvider.Postgres)
        {
            return OpenAsync(ConnectionString, cancellationToken);
        }

        var builder = new NpgsqlConnectionStringBuilder(WithAutoPrepare(ConnectionString));

        // Everything the runtime reads it looks up by an index key. A kept plan made while a table was small (a new
        // installation) would scan the table instead, and go on scanning it as it grows until statistics are renewed;
        // with scans ruled out, every plan uses the index, whatever the table's size when it was made.
        builder.Options = string.IsNullOrWhiteSpace(builder.Options)
            ? "-c enable_seqscan=off"
            : builder.Options + " -c enable_seqscan=off";

        return OpenAsync(builder.ConnectionString, cancellationToken);
    }

    /// <summary>
    /// A PostgreSQL connection string whose statements are prepared on the server once they repeat (Npgsql's automatic
    /// preparation), unless it already says otherwise: planning an inbox query costs more than running it.
    /// </summary>
    public static string WithAutoPrepare(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (builder.MaxAutoPrepare == 0)
        {
            builder.MaxAutoPrepare = 64;
            builder.AutoPrepareMinUsages = 2;
        }

        return builder.ConnectionString;
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

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

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        DbConnection connection = Provider switch
        {
            DatabaseProvider.Sqlite => new SqliteConnection(ConnectionString),
            DatabaseProvider.Postgres => new NpgsqlConnection(ConnectionString),
            DatabaseProvider.SqlServer => new SqlConnection(ConnectionString),
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

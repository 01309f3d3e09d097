using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CareFlows.Server.Persistence;

/// <summary>
/// Durable commits on SQLite: write-ahead log with <c>synchronous=FULL</c>, so a commit survives power loss, and a
/// busy timeout so that readers and the writer wait for each other instead of failing. Reads map the database file
/// (<c>mmap_size</c>, up to 2 GB) rather than copy every page they visit into each connection's own small cache: an
/// inbox page at a million tasks visits hundreds of pages, and the copies cost more than the query.
/// </summary>
internal static class SqlitePragmas
{
    private const string Sql = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=30000; PRAGMA foreign_keys=ON; PRAGMA mmap_size=2147418112;";

    /// <summary>
    /// The native connections the pragmas were applied to. They hold for a connection's life, and the pool hands the
    /// same native connection out again and again: applying them once saves four statements on every query.
    /// </summary>
    private static readonly ConditionalWeakTable<SQLitePCL.sqlite3, object> Applied = [];

    private static readonly object Marker = new();

    public static void Apply(DbConnection connection)
    {
        if (connection is not SqliteConnection sqlite || IsApplied(sqlite))
        {
            return;
        }

        using var command = connection.CreateCommand();
        command.CommandText = Sql;
        command.ExecuteNonQuery();
        MarkApplied(sqlite);
    }

    public static async Task ApplyAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        if (connection is not SqliteConnection sqlite || IsApplied(sqlite))
        {
            return;
        }

        await using var command = connection.CreateCommand();
        command.CommandText = Sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
        MarkApplied(sqlite);
    }

    private static bool IsApplied(SqliteConnection connection) => connection.Handle is { } handle && Applied.TryGetValue(handle, out _);

    private static void MarkApplied(SqliteConnection connection)
    {
        if (connection.Handle is { } handle)
        {
            Applied.AddOrUpdate(handle, Marker);
        }
    }
}

/// <summary>Applies <see cref="SqlitePragmas"/> to every connection EF Core opens.</summary>
internal sealed class SqlitePragmaInterceptor : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) =>
        SqlitePragmas.Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default) =>
        SqlitePragmas.ApplyAsync(connection, cancellationToken);
}

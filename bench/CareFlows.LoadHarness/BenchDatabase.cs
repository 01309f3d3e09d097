using System.Data.Common;
using System.Globalization;
using CareFlows.Server.Persistence;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CareFlows.LoadHarness;

/// <summary>A fresh database for one run, dropped afterwards; plus the few raw queries the harness reads results with.</summary>
internal abstract class BenchDatabase : IAsyncDisposable
{
    public abstract DatabaseProvider Provider { get; }

    public abstract string ConnectionString { get; }

    public static async Task<BenchDatabase> CreateAsync(BenchDb db, string? postgresServer) => db switch
    {
        BenchDb.Sqlite => new SqliteBenchDatabase(),
        BenchDb.Postgres => await PostgresBenchDatabase.CreateAsync(postgresServer ?? throw new InvalidOperationException("No PostgreSQL server.")),
        _ => throw new ArgumentOutOfRangeException(nameof(db)),
    };

    public abstract ValueTask DisposeAsync();

    /// <summary>Opens a connection the way the runtime's writer does (for SQLite: with the server's pragmas applied).</summary>
    public Task<DbConnection> OpenAsync() => new DatabaseConnections(Provider, ConnectionString).OpenAsync();

    /// <summary>The durability settings in effect on a connection opened the way the runtime's writer opens one.</summary>
    public abstract Task<string> DurabilityAsync();

    public async Task<long> ScalarAsync(string sql, params object[] values)
    {
        await using var connection = await OpenAsync();
        await using var command = Command(connection, sql, values);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    public async Task<List<(string Id, DateTime When)>> TimesAsync(string sql, params object[] values)
    {
        await using var connection = await OpenAsync();
        await using var command = Command(connection, sql, values);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(string, DateTime)>();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0), DateTime.SpecifyKind(reader.GetDateTime(1), DateTimeKind.Utc)));
        }

        return rows;
    }

    /// <summary>
    /// Copies one stored instance and its open timer <paramref name="count"/> times in one statement each, with new
    /// ids (also inside the state document), all in one transaction: as many resumable timers as asked for.
    /// </summary>
    public async Task CloneTimerAsync(string instanceId, string bookmarkId, int count)
    {
        await using var connection = await OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        foreach (var sql in new[] { CloneInstancesSql, CloneBookmarksSql })
        {
            await using var command = Command(connection, Series + sql, instanceId, bookmarkId, count);
            command.Transaction = transaction;
            command.CommandTimeout = 600;
            await command.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }

    /// <summary>
    /// Plain one-row durable commits from one client for about a second, on a scratch table, with the settings the
    /// runtime uses: how fast this disk commits right now, for scale (other work on the machine changes it a lot).
    /// </summary>
    public async Task<double> CommitProbeAsync()
    {
        await using var connection = await OpenAsync();
        await using (var create = Command(connection, ProbeTableSql))
        {
            await create.ExecuteNonQueryAsync();
        }

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var commits = 0;
        while (watch.Elapsed < TimeSpan.FromSeconds(1))
        {
            await using var transaction = await connection.BeginTransactionAsync();
            await using var insert = Command(connection, """INSERT INTO "LoadHarnessProbe" ("V") VALUES ('x')""");
            insert.Transaction = transaction;
            await insert.ExecuteNonQueryAsync();
            await transaction.CommitAsync();
            commits++;
        }

        var rate = commits / watch.Elapsed.TotalSeconds;
        await using (var drop = Command(connection, """DROP TABLE "LoadHarnessProbe" """))
        {
            await drop.ExecuteNonQueryAsync();
        }

        return rate;
    }

    protected abstract string ProbeTableSql { get; }

    /// <summary>A common table expression "series" with the numbers 1 to @p2.</summary>
    protected abstract string Series { get; }

    private const string CloneInstancesSql =
        """
        INSERT INTO "WorkflowInstances" ("Id","DefinitionId","DefinitionVersionId","DefinitionVersion","Name","CorrelationId","Status","SubStatus","IncidentCount","State","CreatedAt","UpdatedAt","FinishedAt","Revision")
        SELECT 'ri-' || s.n, t."DefinitionId", t."DefinitionVersionId", t."DefinitionVersion", t."Name", 'reschedule-' || s.n, t."Status", t."SubStatus", t."IncidentCount",
               REPLACE(REPLACE(t."State", @p0, 'ri-' || s.n), @p1, 'rb-' || s.n), t."CreatedAt", t."UpdatedAt", t."FinishedAt", t."Revision"
        FROM "WorkflowInstances" t CROSS JOIN series s WHERE t."Id" = @p0
        """;

    private const string CloneBookmarksSql =
        """
        INSERT INTO "Bookmarks" ("Id","InstanceId","Kind","Name","ActivityId","DueAt","EventName","CorrelationKey","TaskId","CreatedAt")
        SELECT 'rb-' || s.n, 'ri-' || s.n, t."Kind", t."Name", t."ActivityId", t."DueAt", t."EventName", t."CorrelationKey", t."TaskId", t."CreatedAt"
        FROM "Bookmarks" t CROSS JOIN series s WHERE t."Id" = @p1
        """;

    protected static DbCommand Command(DbConnection connection, string sql, params object[] values)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        for (var i = 0; i < values.Length; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@p" + i.ToString(CultureInfo.InvariantCulture);
            parameter.Value = values[i];
            command.Parameters.Add(parameter);
        }

        return command;
    }

    protected static async Task<string> ShowAsync(DbConnection connection, string sql)
    {
        await using var command = Command(connection, sql);
        return Convert.ToString(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture) ?? "";
    }
}

internal sealed class SqliteBenchDatabase : BenchDatabase
{
    private readonly string _folder = Directory.CreateTempSubdirectory("careflows-load-").FullName;

    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public override string ConnectionString => $"Data Source={Path.Combine(_folder, "careflows.db")}";

    protected override string ProbeTableSql => """CREATE TABLE "LoadHarnessProbe" ("Id" INTEGER PRIMARY KEY, "V" TEXT)""";

    protected override string Series => "WITH RECURSIVE series(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM series WHERE n < @p2) ";

    public override async Task<string> DurabilityAsync()
    {
        await using var connection = await OpenAsync();
        var synchronous = await ShowAsync(connection, "PRAGMA synchronous") switch
        {
            "0" => "OFF",
            "1" => "NORMAL",
            "2" => "FULL",
            "3" => "EXTRA",
            var other => other,
        };
        return $"SQLite {((SqliteConnection)connection).ServerVersion}: journal_mode={await ShowAsync(connection, "PRAGMA journal_mode")}, synchronous={synchronous}, file {Path.Combine(_folder, "careflows.db")}";
    }

    public override ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return ValueTask.CompletedTask;
    }
}

internal sealed class PostgresBenchDatabase : BenchDatabase
{
    private readonly string _server;
    private readonly string _connectionString;

    private PostgresBenchDatabase(string server, string connectionString)
    {
        _server = server;
        _connectionString = connectionString;
    }

    public override DatabaseProvider Provider => DatabaseProvider.Postgres;

    public override string ConnectionString => _connectionString;

    protected override string ProbeTableSql => """CREATE TABLE "LoadHarnessProbe" ("Id" bigserial PRIMARY KEY, "V" text)""";

    protected override string Series => "WITH series(n) AS (SELECT generate_series(1, @p2)) ";

    public static async Task<PostgresBenchDatabase> CreateAsync(string server)
    {
        var name = "careflows_load_" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(6));
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        // The runtime's writer may hold more connections than a default pool allows for eight clients; keep the default.
        return new PostgresBenchDatabase(server, new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString);
    }

    public override async Task<string> DurabilityAsync()
    {
        await using var connection = await OpenAsync();
        return $"PostgreSQL {await ShowAsync(connection, "SHOW server_version")}: synchronous_commit={await ShowAsync(connection, "SHOW synchronous_commit")}, " +
            $"fsync={await ShowAsync(connection, "SHOW fsync")}, wal_sync_method={await ShowAsync(connection, "SHOW wal_sync_method")}, " +
            $"full_page_writes={await ShowAsync(connection, "SHOW full_page_writes")}";
    }

    public override async ValueTask DisposeAsync()
    {
        var name = new NpgsqlConnectionStringBuilder(_connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}

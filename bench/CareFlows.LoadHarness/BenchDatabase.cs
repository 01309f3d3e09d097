using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using System.Runtime.InteropServices;
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

    /// <summary>The databases made and not yet dropped.</summary>
    private static readonly ConcurrentDictionary<BenchDatabase, bool> Undropped = new();

    protected BenchDatabase() => Undropped[this] = true;

    public async ValueTask DisposeAsync()
    {
        if (Undropped.TryRemove(this, out _))
        {
            await DropAsync();
        }
    }

    /// <summary>Deletes the database (unless CAREFLOWS_BENCH_KEEP=1).</summary>
    protected abstract ValueTask DropAsync();

    /// <summary>Whether the harness was interrupted: its runs then fail as their databases go, and make no report.</summary>
    public static bool Interrupted { get; private set; }

    /// <summary>
    /// Drops every database still there when the harness is interrupted (Ctrl+C, SIGTERM), before it exits: a seeded
    /// run leaves gigabytes behind otherwise (a SQLite file in the temporary folder, a PostgreSQL database).
    /// </summary>
    public static IDisposable DropOnInterrupt()
    {
        void Drop(PosixSignalContext context)
        {
            Interrupted = true;
            foreach (var database in Undropped.Keys)
            {
                try
                {
                    database.DisposeAsync().AsTask().Wait(TimeSpan.FromSeconds(30));
                }
                catch (Exception e)
                {
                    Console.Error.WriteLine($"Could not drop a bench database on {context.Signal}: {e.Message}");
                }
            }
        }

        var registrations = new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM }.Select(signal => PosixSignalRegistration.Create(signal, Drop)).ToList();
        return new Registrations(registrations);
    }

    private sealed class Registrations(List<PosixSignalRegistration> registrations) : IDisposable
    {
        public void Dispose() => registrations.ForEach(r => r.Dispose());
    }

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
    /// Copies one stored instance with its open task <paramref name="count"/> times, in one statement per table and one
    /// transaction: instance (ids replaced in its state too), bookmark, task, queue row and history. The copies spread
    /// over <paramref name="teams"/> bench teams, due from two days ago to fourteen days ahead, mostly routine with
    /// some urgent, asap and stat; one in a hundred of each team's is claimed by the team's coordinator.
    /// </summary>
    public async Task CloneTasksAsync(string instanceId, int count, int teams)
    {
        var bookmarkId = await TextAsync("""SELECT "BookmarkId" FROM "InboxTasks" WHERE "InstanceId"=@p0""", instanceId);
        var taskId = await TextAsync("""SELECT "Id" FROM "InboxTasks" WHERE "InstanceId"=@p0""", instanceId);
        var team = $"'bench-team-' || {Pad3($"s.n % {teams}")}";
        const string Owned = "(s.n / 100) % 100 = 0";
        var due = PlusSeconds("t.\"CreatedAt\"", "((s.n * 2089) % 1382400) - 172800");
        const string Rank = "CASE WHEN s.n % 50 = 0 THEN 3 WHEN s.n % 10 = 0 THEN 2 WHEN s.n % 4 = 0 THEN 1 ELSE 0 END";
        const string Priority = "CASE WHEN s.n % 50 = 0 THEN 'stat' WHEN s.n % 10 = 0 THEN 'asap' WHEN s.n % 4 = 0 THEN 'urgent' ELSE 'routine' END";
        string[] statements =
        [
            """
            INSERT INTO "WorkflowInstances" ("Id","DefinitionId","DefinitionVersionId","DefinitionVersion","Name","CorrelationId","Status","SubStatus","IncidentCount","State","CreatedAt","UpdatedAt","FinishedAt","Revision")
            SELECT 'si-' || s.n, t."DefinitionId", t."DefinitionVersionId", t."DefinitionVersion", t."Name", 'inbox-seed-' || s.n, t."Status", t."SubStatus", t."IncidentCount",
                   REPLACE(REPLACE(REPLACE(t."State", @p0, 'si-' || s.n), @p1, 'sb-' || s.n), @p3, 'st-' || s.n), t."CreatedAt", t."UpdatedAt", t."FinishedAt", t."Revision"
            FROM "WorkflowInstances" t CROSS JOIN series s WHERE t."Id" = @p0
            """,
            """
            INSERT INTO "Bookmarks" ("Id","InstanceId","Kind","Name","ActivityId","DueAt","EventName","CorrelationKey","TaskId","CreatedAt")
            SELECT 'sb-' || s.n, 'si-' || s.n, t."Kind", t."Name", t."ActivityId", t."DueAt", t."EventName", t."CorrelationKey", 'st-' || s.n, t."CreatedAt"
            FROM "Bookmarks" t CROSS JOIN series s WHERE t."Id" = @p1
            """,
            $"""
            INSERT INTO "InboxTasks" ("Id","InstanceId","BookmarkId","DefinitionId","DefinitionVersion","Pathway","ActivityId","Kind","Title","Instructions","PatientId","PatientName","PatientMrn","PatientBirthDate","BusinessStatus","Status","Priority","PriorityRank","Owner","DueAt","FollowUpAt","Form","Outcomes","Input","Outcome","Result","CreatedAt","UpdatedAt","StartedAt","EndedAt","Revision")
            SELECT 'st-' || s.n, 'si-' || s.n, 'sb-' || s.n, t."DefinitionId", t."DefinitionVersion", t."Pathway", t."ActivityId", t."Kind", 'Call patient ' || s.n, t."Instructions",
                   'Patient/bench-' || s.n, 'Patient bench-' || s.n, 'MRN-bench-' || s.n, t."PatientBirthDate", t."BusinessStatus",
                   CASE WHEN {Owned} THEN 'in-progress' ELSE 'ready' END, {Priority}, {Rank},
                   CASE WHEN {Owned} THEN (SELECT m."UserId" FROM "TeamMembers" m WHERE m."TeamId" = {team}) END,
                   {due}, t."FollowUpAt", t."Form", t."Outcomes", t."Input", NULL, NULL, t."CreatedAt", t."UpdatedAt", CASE WHEN {Owned} THEN t."CreatedAt" END, NULL, t."Revision"
            FROM "InboxTasks" t CROSS JOIN series s WHERE t."Id" = @p3
            """,
            $"""
            INSERT INTO "InboxTaskTeams" ("TaskId","Team","Queued","DueAt","PriorityRank")
            SELECT 'st-' || s.n, {team}, NOT ({Owned}), {due}, {Rank}
            FROM "InboxTasks" t CROSS JOIN series s WHERE t."Id" = @p3
            """,
            """
            INSERT INTO "InboxTaskHistory" ("TaskId","At","Actor","Action","Status","Details")
            SELECT 'st-' || s.n, h."At", h."Actor", h."Action", h."Status", h."Details"
            FROM "InboxTaskHistory" h CROSS JOIN series s WHERE h."TaskId" = @p3
            """,
        ];
        await using var connection = await OpenAsync();
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            foreach (var sql in statements)
            {
                await using var command = Command(connection, Series + sql, instanceId, bookmarkId, count, taskId);
                command.Transaction = transaction;
                command.CommandTimeout = 1800;
                await command.ExecuteNonQueryAsync();
            }

            await transaction.CommitAsync();
        }

        await SettleAfterBulkLoadAsync();
    }

    /// <summary>Does at once what the database would do by itself soon after a bulk load (<see cref="AfterBulkLoadSql"/>).</summary>
    public async Task SettleAfterBulkLoadAsync()
    {
        await using var connection = await OpenAsync();
        await using var settle = Command(connection, AfterBulkLoadSql);
        settle.CommandTimeout = 600;
        await settle.ExecuteNonQueryAsync();
    }

    /// <summary>The audit log's size in the database, its indexes included.</summary>
    public Task<long> AuditRecordsBytesAsync() => ScalarAsync(AuditRecordsBytesSql);

    protected abstract string AuditRecordsBytesSql { get; }

    /// <summary>The open tasks of the instances whose correlation id is like <paramref name="correlationPattern"/>, with the team of each, in start order.</summary>
    public async Task<List<(string Id, string Team)>> TasksToCompleteAsync(string correlationPattern)
    {
        await using var connection = await OpenAsync();
        await using var command = Command(connection,
            """
            SELECT t."Id", q."Team" FROM "InboxTasks" t
            JOIN "InboxTaskTeams" q ON q."TaskId" = t."Id"
            JOIN "WorkflowInstances" i ON i."Id" = t."InstanceId"
            WHERE i."CorrelationId" LIKE @p0 AND t."Status" = 'ready'
            ORDER BY t."CreatedAt", t."Id"
            """,
            correlationPattern);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(string, string)>();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0), reader.GetString(1)));
        }

        return rows;
    }

    private async Task<string> TextAsync(string sql, params object[] values)
    {
        await using var connection = await OpenAsync();
        await using var command = Command(connection, sql, values);
        return Convert.ToString(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture) ?? throw new InvalidOperationException($"No row: {sql}");
    }

    /// <summary>Three digits with leading zeros.</summary>
    protected abstract string Pad3(string expression);

    /// <summary>A timestamp column plus a number of seconds, in the column's own format.</summary>
    protected abstract string PlusSeconds(string timestamp, string seconds);

    /// <summary>What the database does on its own after a bulk load, done at once so that the run does not wait for it.</summary>
    protected abstract string AfterBulkLoadSql { get; }

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

    protected override string Pad3(string expression) => $"printf('%03d', {expression})";

    // EF Core stores a DateTime as 'yyyy-MM-dd HH:mm:ss.FFFFFFF' text; milliseconds compare and read back the same way.
    protected override string PlusSeconds(string timestamp, string seconds) => $"strftime('%Y-%m-%d %H:%M:%f', {timestamp}, ({seconds}) || ' seconds')";

    // SQLite copies the write-ahead log back into the database by itself, a thousand pages at a time, as later commits
    // come; do it at once, so that the reads do not measure a multi-gigabyte log left by the load. The server never
    // runs ANALYZE on SQLite, so neither does the harness: the queries run on the plans SQLite makes without statistics.
    protected override string AfterBulkLoadSql => "PRAGMA wal_checkpoint(TRUNCATE)";

    // The audit log is all the scenario puts in the file, so the file's size is the log's.
    protected override string AuditRecordsBytesSql => "SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()";

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

    protected override ValueTask DropAsync()
    {
        SqliteConnection.ClearAllPools();
        if (Environment.GetEnvironmentVariable("CAREFLOWS_BENCH_KEEP") == "1")
        {
            Console.WriteLine($"kept {_folder}");
            return ValueTask.CompletedTask;
        }

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

    protected override string Pad3(string expression) => $"lpad(({expression})::text, 3, '0')";

    protected override string PlusSeconds(string timestamp, string seconds) => $"{timestamp} + (({seconds}) * interval '1 second')";

    // Autovacuum vacuums and analyzes a table after a bulk insert like this one within a minute or so (which also lets
    // index-only scans skip the table); do it now rather than wait.
    protected override string AfterBulkLoadSql => "VACUUM (ANALYZE)";

    protected override string AuditRecordsBytesSql => $"SELECT pg_total_relation_size('\"{TableNames.AuditRecords}\"')";

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

    protected override async ValueTask DropAsync()
    {
        var name = new NpgsqlConnectionStringBuilder(_connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        if (Environment.GetEnvironmentVariable("CAREFLOWS_BENCH_KEEP") == "1")
        {
            Console.WriteLine($"kept database {name}");
            return;
        }

        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}

using System.Data.Common;
using CareFlows.Server.Persistence;
using CareFlows.Server.Persistence.Entities;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace CareFlows.LoadHarness;

/// <summary>
/// Writes chained audit records straight into a migrated bench database, by each provider's fastest bulk path:
/// PostgreSQL's binary COPY, SQLite's prepared insert in one transaction; both with the log's secondary indexes
/// dropped first and made again, from their own definitions, once the rows are in. The chain's head and the
/// checkpoints are written last, as the server would have left them.
/// </summary>
internal abstract class AuditSeeder(DbConnection connection) : IAsyncDisposable
{
    protected const string Columns =
        "\"Sequence\",\"OccurredAt\",\"ActorType\",\"ActorId\",\"Operation\",\"Action\",\"EntityType\",\"EntityId\",\"PatientId\",\"Before\",\"After\",\"Outcome\"," +
        "\"ClientAddress\",\"UserAgent\",\"PurposeOfUse\",\"Reason\",\"CorrelationId\",\"DefinitionId\",\"DefinitionVersion\",\"InstanceId\",\"PreviousHash\",\"Hash\"";

    private List<string> _indexes = [];

    protected DbConnection Connection => connection;

    public static async Task<AuditSeeder> OpenAsync(BenchDatabase database)
    {
        var connection = await database.OpenAsync();
        AuditSeeder seeder = connection switch
        {
            SqliteConnection sqlite => new SqliteAuditSeeder(sqlite),
            NpgsqlConnection postgres => new PostgresAuditSeeder(postgres),
            _ => throw new NotSupportedException($"No audit seeding for {database.Provider}."),
        };
        await seeder.StartAsync();
        return seeder;
    }

    public abstract Task WriteAsync(IReadOnlyList<AuditRecord> records);

    /// <summary>Ends the bulk write, makes the indexes again, then sets the chain's head and adds the checkpoints.</summary>
    public async Task FinishAsync(long lastSequence, string lastHash, IReadOnlyList<AuditCheckpoint> checkpoints)
    {
        await EndBulkWriteAsync();
        foreach (var index in _indexes)
        {
            await ExecuteAsync(index);
        }

        await ExecuteAsync($"""UPDATE "{TableNames.AuditChainHead}" SET "Sequence"=@p0, "Hash"=@p1 WHERE "Id"=@p2""", lastSequence, lastHash, AuditChainHead.SingleId);
        foreach (var c in checkpoints)
        {
            await ExecuteAsync($"""INSERT INTO "{TableNames.AuditCheckpoints}" ("Sequence","Hash","CreatedAt","KeyId","Signature") VALUES (@p0,@p1,@p2,@p3,@p4)""",
                c.Sequence, c.Hash, c.CreatedAt, c.KeyId, c.Signature);
        }

        await CommitAsync();
    }

    public virtual ValueTask DisposeAsync() => connection.DisposeAsync();

    /// <summary>The statements that make the log's secondary indexes, as the migrations made them.</summary>
    protected abstract string IndexDefinitionsSql { get; }

    protected virtual Task BeginAsync() => Task.CompletedTask;

    protected abstract Task BeginBulkWriteAsync();

    protected abstract Task EndBulkWriteAsync();

    protected virtual Task CommitAsync() => Task.CompletedTask;

    protected DbTransaction? Transaction { get; set; }

    /// <summary>Drops the secondary indexes, kept to make again: each is built faster from the loaded rows than row by row.</summary>
    private async Task StartAsync()
    {
        await BeginAsync();
        var indexes = new List<(string Name, string Definition)>();
        await using (var list = Command(IndexDefinitionsSql))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                indexes.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (name, _) in indexes)
        {
            await ExecuteAsync($"DROP INDEX \"{name}\"");
        }

        _indexes = [.. indexes.Select(i => i.Definition)];
        await BeginBulkWriteAsync();
    }

    protected async Task ExecuteAsync(string sql, params object[] values)
    {
        await using var command = Command(sql, values);
        command.CommandTimeout = 600;
        await command.ExecuteNonQueryAsync();
    }

    protected DbCommand Command(string sql, params object[] values)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = Transaction;
        for (var i = 0; i < values.Length; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = $"@p{i}";
            parameter.Value = values[i];
            command.Parameters.Add(parameter);
        }

        return command;
    }
}

/// <summary>One transaction, one prepared statement whose parameters are set again for every row.</summary>
internal sealed class SqliteAuditSeeder(SqliteConnection sqlite) : AuditSeeder(sqlite)
{
    private SqliteCommand? _insert;

    private SqliteConnection Sqlite => (SqliteConnection)Connection;

    protected override string IndexDefinitionsSql =>
        $"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = '{TableNames.AuditRecords}' AND sql IS NOT NULL";

    protected override async Task BeginAsync()
    {
        // A bigger page cache for this connection, so that the indexes are built in memory.
        await ExecuteAsync("PRAGMA cache_size=-262144");
        Transaction = await Sqlite.BeginTransactionAsync();
    }

    protected override Task BeginBulkWriteAsync()
    {
        _insert = Sqlite.CreateCommand();
        _insert.Transaction = (SqliteTransaction)Transaction!;
        _insert.CommandText = $"INSERT INTO \"{TableNames.AuditRecords}\" ({Columns}) VALUES ({string.Join(',', Enumerable.Range(0, 22).Select(i => $"$p{i}"))})";
        for (var i = 0; i < 22; i++)
        {
            _insert.Parameters.Add(new SqliteParameter($"$p{i}", null));
        }

        _insert.Prepare();
        return Task.CompletedTask;
    }

    public override Task WriteAsync(IReadOnlyList<AuditRecord> records)
    {
        var p = _insert!.Parameters;
        foreach (var r in records)
        {
            object?[] values =
            [
                r.Sequence, r.OccurredAt, r.ActorType, r.ActorId, r.Operation, r.Action, r.EntityType, r.EntityId, r.PatientId, r.Before, r.After, r.Outcome,
                r.ClientAddress, r.UserAgent, r.PurposeOfUse, r.Reason, r.CorrelationId, r.DefinitionId, r.DefinitionVersion, r.InstanceId, r.PreviousHash, r.Hash,
            ];
            for (var i = 0; i < values.Length; i++)
            {
                p[i].Value = values[i] ?? DBNull.Value;
            }

            // SQLite does the work on the calling thread either way; the synchronous call saves a task per row.
            _insert.ExecuteNonQuery();
        }

        return Task.CompletedTask;
    }

    protected override Task EndBulkWriteAsync() => Task.CompletedTask;

    protected override Task CommitAsync() => Transaction!.CommitAsync();

    public override async ValueTask DisposeAsync()
    {
        if (_insert is not null)
        {
            await _insert.DisposeAsync();
        }

        if (Transaction is not null)
        {
            await Transaction.DisposeAsync();
        }

        await base.DisposeAsync();
    }
}

/// <summary>One binary COPY for every record.</summary>
internal sealed class PostgresAuditSeeder(NpgsqlConnection postgres) : AuditSeeder(postgres)
{
    private NpgsqlBinaryImporter? _copy;

    private NpgsqlConnection Postgres => (NpgsqlConnection)Connection;

    protected override string IndexDefinitionsSql =>
        $"""
        SELECT i.indexname, i.indexdef FROM pg_indexes i
        WHERE i.schemaname = current_schema() AND i.tablename = '{TableNames.AuditRecords}'
          AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname AND c.contype IN ('p', 'u'))
        """;

    protected override async Task BeginBulkWriteAsync() =>
        _copy = await Postgres.BeginBinaryImportAsync($"COPY \"{TableNames.AuditRecords}\" ({Columns}) FROM STDIN (FORMAT BINARY)");

    public override Task WriteAsync(IReadOnlyList<AuditRecord> records)
    {
        // Synchronous writes: each only copies into the importer's buffer (sent when full), and an awaited call per
        // field cost more than the copying.
        var copy = _copy!;
        foreach (var r in records)
        {
            copy.StartRow();
            copy.Write(r.Sequence, NpgsqlDbType.Bigint);
            copy.Write(r.OccurredAt, NpgsqlDbType.TimestampTz);
            Text(r.ActorType);
            Text(r.ActorId);
            Text(r.Operation);
            Text(r.Action);
            Text(r.EntityType);
            Text(r.EntityId);
            Text(r.PatientId);
            Text(r.Before);
            Text(r.After);
            Text(r.Outcome);
            Text(r.ClientAddress);
            Text(r.UserAgent);
            Text(r.PurposeOfUse);
            Text(r.Reason);
            Text(r.CorrelationId);
            Text(r.DefinitionId);
            if (r.DefinitionVersion is { } version)
            {
                copy.Write(version, NpgsqlDbType.Integer);
            }
            else
            {
                copy.WriteNull();
            }

            Text(r.InstanceId);
            Text(r.PreviousHash);
            Text(r.Hash);
        }

        return Task.CompletedTask;

        void Text(string? value)
        {
            if (value is null)
            {
                copy.WriteNull();
            }
            else
            {
                copy.Write(value, NpgsqlDbType.Text);
            }
        }
    }

    protected override async Task EndBulkWriteAsync()
    {
        await _copy!.CompleteAsync();
        await _copy.DisposeAsync();
        _copy = null;
    }

    public override async ValueTask DisposeAsync()
    {
        if (_copy is not null)
        {
            await _copy.DisposeAsync();
        }

        await base.DisposeAsync();
    }
}

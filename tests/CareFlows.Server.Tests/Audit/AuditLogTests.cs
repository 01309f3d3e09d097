using System.Data.Common;
using CareFlows.Server.Audit;
using CareFlows.Server.Persistence;
using CareFlows.Server.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CareFlows.Server.Tests.Audit;

/// <summary>
/// The audit log on each real database: appended in the change's transaction, gone with its rollback, and any record
/// edited, deleted or reordered directly in the database named by verify.
/// </summary>
public sealed class AuditLogTests
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];

    private static AuditEntry Entry(int n) => new()
    {
        OccurredAt = DateTimeOffset.UtcNow,
        ActorType = "user",
        ActorId = "u-1",
        Operation = "task.update",
        Action = "U",
        EntityType = "task",
        EntityId = $"t-{n}",
        PatientId = "Patient/1",
        After = $$"""{"n":{{n}}}""",
        Outcome = "success",
    };

    [Theory]
    [MemberData(nameof(Providers))]
    public Task An_intact_chain_verifies(DatabaseProvider provider) => WithDatabase(provider, async db =>
    {
        Assert.True((await AuditVerifier.VerifyAsync(db, Key, Cancel)).Intact);
        await AppendAsync(db, 1, 2, 3);
        await AppendAsync(db, 4);

        var result = await AuditVerifier.VerifyAsync(db, Key, Cancel);

        Assert.True(result.Intact, result.Problem);
        Assert.Equal(4, result.Checked);
        Assert.Equal(4, result.LastSequence);
    });

    [Theory]
    [MemberData(nameof(Providers))]
    public Task A_change_that_rolls_back_leaves_no_record(DatabaseProvider provider) => WithDatabase(provider, async db =>
    {
        await AppendAsync(db, 1);
        await using (var transaction = await db.Database.BeginTransactionAsync(Cancel))
        {
            await AuditLog.AppendAsync(db, [Entry(2)], Cancel);
            await transaction.RollbackAsync(Cancel);
        }

        db.ChangeTracker.Clear();
        await AppendAsync(db, 3);

        Assert.Equal([1L, 2L], await db.AuditRecords.OrderBy(r => r.Sequence).Select(r => r.Sequence).ToListAsync(Cancel));
        Assert.Equal("t-3", (await db.AuditRecords.SingleAsync(r => r.Sequence == 2, Cancel)).EntityId);
        Assert.True((await AuditVerifier.VerifyAsync(db, Key, Cancel)).Intact);
    });

    [Fact]
    public async Task Appending_outside_a_transaction_is_refused()
    {
        await WithDatabase(DatabaseProvider.Sqlite, async db =>
            await Assert.ThrowsAsync<InvalidOperationException>(() => AuditLog.AppendAsync(db, [Entry(1)], Cancel)));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public Task An_edited_record_is_named(DatabaseProvider provider) => Tampered(provider,
        """UPDATE "AuditRecords" SET "After" = '{{"n":99}}' WHERE "Sequence" = 3""",
        3, "changed after it was written");

    [Theory]
    [MemberData(nameof(Providers))]
    public Task A_deleted_record_is_named(DatabaseProvider provider) => Tampered(provider,
        """DELETE FROM "AuditRecords" WHERE "Sequence" = 2""",
        2, "missing");

    [Theory]
    [MemberData(nameof(Providers))]
    public Task Deleting_the_end_of_the_chain_is_found(DatabaseProvider provider) => Tampered(provider,
        """DELETE FROM "AuditRecords" WHERE "Sequence" >= 4""",
        4, "missing");

    [Theory]
    [MemberData(nameof(Providers))]
    public Task Reordered_records_are_named(DatabaseProvider provider) => Tampered(provider,
        """
        UPDATE "AuditRecords" SET "Sequence" = 100 WHERE "Sequence" = 2;
        UPDATE "AuditRecords" SET "Sequence" = 2 WHERE "Sequence" = 3;
        UPDATE "AuditRecords" SET "Sequence" = 3 WHERE "Sequence" = 100;
        """,
        2, "does not follow record 1");

    [Theory]
    [MemberData(nameof(Providers))]
    public Task A_record_rewritten_with_a_fresh_hash_is_found_by_its_successor(DatabaseProvider provider) => WithDatabase(provider, async db =>
    {
        await AppendAsync(db, 1, 2, 3, 4, 5);
        var record = await db.AuditRecords.SingleAsync(r => r.Sequence == 3, Cancel);
        record.After = """{"n":42}""";
        record.Hash = AuditChain.HashOf(record);
        await db.SaveChangesAsync(Cancel);

        var result = await AuditVerifier.VerifyAsync(db, Key, Cancel);

        Assert.False(result.Intact);
        Assert.Equal(4, result.BrokenAt);
        Assert.Contains("does not follow record 3", result.Problem, StringComparison.Ordinal);
    });

    [Theory]
    [MemberData(nameof(Providers))]
    public Task The_chains_end_is_signed_once_each_time_it_moves(DatabaseProvider provider) => WithDatabase(provider, async db =>
    {
        Assert.Null(await AuditCheckpointWriter.WriteAsync(db, Key, TimeProvider.System, Cancel));
        await AppendAsync(db, 1, 2, 3);

        var first = await AuditCheckpointWriter.WriteAsync(db, Key, TimeProvider.System, Cancel);
        var none = await AuditCheckpointWriter.WriteAsync(db, Key, TimeProvider.System, Cancel);
        await AppendAsync(db, 4);
        var second = await AuditCheckpointWriter.WriteAsync(db, Key, TimeProvider.System, Cancel);

        Assert.Equal(3, first?.Sequence);
        Assert.Null(none);
        Assert.Equal(4, second?.Sequence);
        Assert.True(Key.Signed(second!));
        Assert.True((await AuditVerifier.VerifyAsync(db, Key, Cancel)).Intact);
    });

    [Theory]
    [MemberData(nameof(Providers))]
    public Task A_chain_rewritten_whole_after_a_checkpoint_is_found(DatabaseProvider provider) => WithDatabase(provider, async db =>
    {
        await AppendAsync(db, 1, 2, 3, 4, 5);
        await AuditCheckpointWriter.WriteAsync(db, Key, TimeProvider.System, Cancel);
        await AppendAsync(db, 6, 7);

        // Record 2 changed, and every hash after it recomputed, the head's included: the chain alone cannot tell.
        var previous = (await db.AuditRecords.SingleAsync(r => r.Sequence == 1, Cancel)).Hash;
        foreach (var record in await db.AuditRecords.Where(r => r.Sequence >= 2).OrderBy(r => r.Sequence).ToListAsync(Cancel))
        {
            record.After = record.Sequence == 2 ? """{"n":"rewritten"}""" : record.After;
            record.PreviousHash = previous;
            record.Hash = AuditChain.HashOf(record);
            previous = record.Hash;
        }

        await db.SaveChangesAsync(Cancel);
        await db.AuditChainHeads.ExecuteUpdateAsync(s => s.SetProperty(h => h.Hash, previous), Cancel);

        var result = await AuditVerifier.VerifyAsync(db, Key, Cancel);

        Assert.False(result.Intact);
        Assert.Equal(5, result.BrokenAt);
        Assert.Contains("differs from the checkpoint", result.Problem, StringComparison.Ordinal);
    });

    [Theory]
    [MemberData(nameof(Providers))]
    public Task A_checkpoint_not_signed_by_the_key_is_found(DatabaseProvider provider) => WithDatabase(provider, async db =>
    {
        await AppendAsync(db, 1, 2, 3);
        var head = await db.AuditChainHeads.AsNoTracking().SingleAsync(Cancel);
        db.AuditCheckpoints.Add(new AuditCheckpointKey(new byte[32]).Sign(head.Sequence, head.Hash, AuditChain.StoredPrecision(DateTimeOffset.UtcNow)));
        await db.SaveChangesAsync(Cancel);

        var result = await AuditVerifier.VerifyAsync(db, Key, Cancel);

        Assert.False(result.Intact);
        Assert.Equal(3, result.BrokenAt);
        Assert.Contains("not signed by this server's checkpoint key", result.Problem, StringComparison.Ordinal);
    });

    [Theory]
    [MemberData(nameof(Providers))]
    public Task Cutting_the_chain_back_before_a_checkpoint_is_found(DatabaseProvider provider) => WithDatabase(provider, async db =>
    {
        await AppendAsync(db, 1, 2, 3, 4, 5);
        await AuditCheckpointWriter.WriteAsync(db, Key, TimeProvider.System, Cancel);
        var fourth = await db.AuditRecords.AsNoTracking().SingleAsync(r => r.Sequence == 4, Cancel);
        await db.AuditRecords.Where(r => r.Sequence == 5).ExecuteDeleteAsync(Cancel);
        await db.AuditChainHeads.ExecuteUpdateAsync(s => s.SetProperty(h => h.Sequence, 4).SetProperty(h => h.Hash, fourth.Hash), Cancel);

        var result = await AuditVerifier.VerifyAsync(db, Key, Cancel);

        Assert.False(result.Intact);
        Assert.Equal(5, result.BrokenAt);
        Assert.Contains("covered by a checkpoint", result.Problem, StringComparison.Ordinal);
    });

    [Theory]
    [MemberData(nameof(Providers))]
    public Task A_record_appended_while_the_chain_is_replayed_is_not_taken_for_a_rewritten_end(DatabaseProvider provider) => WithDatabase(provider, async db =>
    {
        await AppendAsync(db, 1, 2, 3);
        // As the server's writer does on a live server: a record is appended after the head was read, before the records are.
        var appendBeforeTheRecordsAreRead = new BeforeQuery($"FROM \"{TableNames.AuditRecords}\"", () => AppendAsync(db, 4));
        await using var verifying = WithInterceptor(db, appendBeforeTheRecordsAreRead);

        var during = await AuditVerifier.VerifyAsync(verifying, Key, Cancel);
        var after = await AuditVerifier.VerifyAsync(db, Key, Cancel);

        Assert.True(appendBeforeTheRecordsAreRead.Ran);
        Assert.True(during.Intact, during.Problem);
        Assert.Equal(3, during.Checked);
        Assert.True(after.Intact, after.Problem);
        Assert.Equal(4, after.Checked);
    });

    /// <summary>Runs <paramref name="action"/> once, just before the first query whose text contains <paramref name="text"/>.</summary>
    private sealed class BeforeQuery(string text, Func<Task> action) : DbCommandInterceptor
    {
        public bool Ran { get; private set; }

        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (!Ran && command.CommandText.Contains(text, StringComparison.Ordinal))
            {
                Ran = true;
                await action();
            }

            return result;
        }
    }

    /// <summary>A second context on <paramref name="db"/>'s database, on a connection of its own, with <paramref name="interceptor"/>.</summary>
    private static CareFlowsDbContext WithInterceptor(CareFlowsDbContext db, IInterceptor interceptor)
    {
        var connectionString = db.Database.GetConnectionString();
        return db.Database.IsNpgsql()
            ? new PostgresCareFlowsDbContext(new DbContextOptionsBuilder<PostgresCareFlowsDbContext>().UseNpgsql(connectionString).AddInterceptors(interceptor).Options)
            : new SqliteCareFlowsDbContext(new DbContextOptionsBuilder<SqliteCareFlowsDbContext>().UseSqlite(connectionString).AddInterceptors(interceptor).Options);
    }

    private static readonly AuditCheckpointKey Key = new([.. Enumerable.Range(1, 32).Select(i => (byte)i)]);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static Task Tampered(DatabaseProvider provider, string sql, long brokenAt, string problem) => WithDatabase(provider, async db =>
    {
        await AppendAsync(db, 1, 2, 3, 4, 5);
        await db.Database.ExecuteSqlRawAsync(sql, Cancel);

        var result = await AuditVerifier.VerifyAsync(db, Key, Cancel);

        Assert.False(result.Intact);
        Assert.Equal(brokenAt, result.BrokenAt);
        Assert.Contains(problem, result.Problem, StringComparison.Ordinal);
    });

    private static async Task AppendAsync(CareFlowsDbContext db, params int[] entries)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(Cancel);
        await AuditLog.AppendAsync(db, [.. entries.Select(Entry)], Cancel);
        await transaction.CommitAsync(Cancel);
    }

    private static async Task WithDatabase(DatabaseProvider provider, Func<CareFlowsDbContext, Task> test)
    {
        string connectionString;
        string? sqlitePath = null;
        if (provider == DatabaseProvider.Postgres)
        {
            TestPostgres.RequireOrSkip();
            connectionString = await TestPostgres.CreateDatabaseAsync();
        }
        else
        {
            sqlitePath = Path.Combine(Path.GetTempPath(), $"careflows-audit-{Guid.NewGuid():N}.db");
            connectionString = $"Data Source={sqlitePath};Pooling=False";
        }

        try
        {
            await using var db = DesignTimeContexts.Create(provider, connectionString);
            await db.Database.MigrateAsync(Cancel);
            if (provider == DatabaseProvider.Sqlite)
            {
                // As the server runs it: a reader and the writer do not wait for each other.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL", Cancel);
            }

            await test(db);
        }
        finally
        {
            if (sqlitePath is not null)
            {
                foreach (var file in new[] { sqlitePath, sqlitePath + "-wal", sqlitePath + "-shm" })
                {
                    File.Delete(file);
                }
            }
            else
            {
                await TestPostgres.DropDatabaseAsync(connectionString);
            }
        }
    }
}

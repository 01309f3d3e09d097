using CareFlows.Server.Audit;
using CareFlows.Server.Persistence;
using CareFlows.Server.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CareFlows.Server.Tests.Audit;

/// <summary><c>CareFlows.Server audit verify</c>, the server build run as a command on a real database.</summary>
public sealed class AuditCommandTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Verify_says_intact_then_names_the_record_changed_in_the_database()
    {
        var path = Path.Combine(Path.GetTempPath(), $"careflows-audit-cli-{Guid.NewGuid():N}.db");
        var connectionString = $"Data Source={path};Pooling=False";
        try
        {
            await using (var db = DesignTimeContexts.Create(DatabaseProvider.Sqlite, connectionString))
            {
                await db.Database.MigrateAsync(Cancel);
                await using var transaction = await db.Database.BeginTransactionAsync(Cancel);
                await AuditLog.AppendAsync(db, [.. Enumerable.Range(1, 3).Select(Entry)], Cancel);
                await transaction.CommitAsync(Cancel);
            }

            var intact = await ServerProcess.RunCommandAsync(DatabaseProvider.Sqlite, connectionString, ["audit", "verify"], Cancel);
            await using (var db = DesignTimeContexts.Create(DatabaseProvider.Sqlite, connectionString))
            {
                await db.Database.ExecuteSqlRawAsync("""UPDATE "AuditRecords" SET "ActorId" = 'someone-else' WHERE "Sequence" = 2""", Cancel);
            }

            var broken = await ServerProcess.RunCommandAsync(DatabaseProvider.Sqlite, connectionString, ["audit", "verify"], Cancel);

            Assert.Equal(0, intact.ExitCode);
            Assert.Contains("intact: 3 records", intact.Output, StringComparison.Ordinal);
            Assert.Equal(1, broken.ExitCode);
            Assert.Contains("broken at record 2", broken.Output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static AuditEntry Entry(int n) => new()
    {
        OccurredAt = DateTimeOffset.UtcNow,
        ActorType = "user",
        ActorId = "u-1",
        Operation = "definition.create",
        Action = "C",
        EntityType = "definition",
        EntityId = $"d-{n}",
        Outcome = "success",
    };
}

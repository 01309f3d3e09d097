using CareFlows.Server.Persistence;
using CareFlows.Server.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CareFlows.Server.Tests.Persistence;

/// <summary>
/// Versions stored before the last change was kept migrate with who started them as who last changed them: by user id
/// where the name they signed in with belongs to a user, else as recorded.
/// </summary>
public sealed class DefinitionUpdatedByMigrationTests
{
    private const string Before = "QueueIndexes";

    [Fact]
    public async Task Existing_sqlite_rows_take_who_started_them()
    {
        var path = Path.Combine(Path.GetTempPath(), $"careflows-migration-{Guid.NewGuid():N}.db");
        try
        {
            await AssertMigratesAsync(DatabaseProvider.Sqlite, $"Data Source={path};Pooling=False");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Existing_postgres_rows_take_who_started_them()
    {
        TestPostgres.RequireOrSkip();
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        try
        {
            await AssertMigratesAsync(DatabaseProvider.Postgres, connectionString);
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(connectionString);
        }
    }

    private static async Task AssertMigratesAsync(DatabaseProvider provider, string connectionString)
    {
        var cancel = TestContext.Current.CancellationToken;
        await using var context = DesignTimeContexts.Create(provider, connectionString);
        var migrator = context.GetService<IMigrator>();
        var before = context.Database.GetMigrations().Last(m => m.EndsWith($"_{Before}", StringComparison.Ordinal));
        await migrator.MigrateAsync(before, cancel);
        var no = provider == DatabaseProvider.Postgres ? "false" : "0";
        var rows =
            $"""
            INSERT INTO "AspNetUsers" ("Id", "UserName", "NormalizedUserName", "EmailConfirmed", "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnabled", "AccessFailedCount")
            VALUES ('u-lead', 'lead@example.org', 'LEAD@EXAMPLE.ORG', {no}, {no}, {no}, {no}, 0);
            INSERT INTO "WorkflowDefinitions" ("Id", "DefinitionId", "Version", "IsLatest", "IsPublished", "Json", "ContentHash", "CreatedAt", "UpdatedAt", "CreatedBy")
            VALUES ('v-lead', 'by-lead', 1, {(provider == DatabaseProvider.Postgres ? "true" : "1")}, {no}, 'x', 'h1', '2026-01-01 00:00:00', '2026-01-01 00:00:00', 'lead@example.org'),
                   ('v-system', 'by-system', 1, {(provider == DatabaseProvider.Postgres ? "true" : "1")}, {no}, 'x', 'h2', '2026-01-01 00:00:00', '2026-01-01 00:00:00', 'system'),
                   ('v-nobody', 'by-nobody', 1, {(provider == DatabaseProvider.Postgres ? "true" : "1")}, {no}, 'x', 'h3', '2026-01-01 00:00:00', '2026-01-01 00:00:00', NULL);
            """;
        await context.Database.ExecuteSqlRawAsync(rows, cancel);

        await migrator.MigrateAsync(cancellationToken: cancel);

        var updatedBy = await context.Definitions.AsNoTracking().Select(d => new { d.Id, d.UpdatedBy }).ToDictionaryAsync(d => d.Id, d => d.UpdatedBy, cancel);
        Assert.Equal("u-lead", updatedBy["v-lead"]);
        Assert.Equal("system", updatedBy["v-system"]);
        Assert.Null(updatedBy["v-nobody"]);
    }
}

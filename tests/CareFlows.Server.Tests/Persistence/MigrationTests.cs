using CareFlows.Server.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CareFlows.Server.Tests.Persistence;

/// <summary>Each provider's checked-in migration set matches the model; SQL Server's is checked through its script.</summary>
public sealed class MigrationTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    [InlineData(DatabaseProvider.SqlServer)]
    public void Every_provider_has_a_migration_set_that_matches_the_model(DatabaseProvider provider)
    {
        using var context = DesignTimeContexts.Create(provider);

        Assert.NotEmpty(context.Database.GetMigrations());
        Assert.False(context.Database.HasPendingModelChanges(), $"The {provider} migrations lag the model: add a migration with eng/CareFlows.MigrationTool.");
    }

    [Fact]
    public void The_SQL_Server_migration_script_creates_every_table_with_SQL_Server_types()
    {
        using var context = DesignTimeContexts.Create(DatabaseProvider.SqlServer);

        var script = context.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        foreach (var table in new[] { "WorkflowDefinitions", "WorkflowInstances", "Bookmarks", "JournalEntries", "BufferedEvents", "EventReceipts", "AspNetUsers", "AspNetRoles", "Sessions", "Teams", "TeamMembers" })
        {
            Assert.Contains($"CREATE TABLE [{table}]", script, StringComparison.Ordinal);
        }

        Assert.Contains("nvarchar(max)", script, StringComparison.Ordinal);
        Assert.Contains("datetime2", script, StringComparison.Ordinal);
        Assert.Contains("CREATE INDEX [IX_Bookmarks_EventName_CorrelationKey]", script, StringComparison.Ordinal);
        Assert.Contains("IF NOT EXISTS", script, StringComparison.Ordinal);
    }

    [Fact]
    public void The_hot_path_statements_name_only_columns_the_migrations_create()
    {
        using var context = DesignTimeContexts.Create(DatabaseProvider.SqlServer);
        var columns = context.Model.GetEntityTypes()
            .SelectMany(e => e.GetProperties().Select(p => p.GetColumnName()))
            .ToHashSet(StringComparer.Ordinal);
        var statements = typeof(CareFlows.Server.Runtime.WorkflowRuntime).Assembly
            .GetType("CareFlows.Server.Runtime.RuntimeSql")!
            .GetFields()
            .Select(f => (string)f.GetValue(null)!);

        foreach (var statement in statements)
        {
            foreach (System.Text.RegularExpressions.Match quoted in System.Text.RegularExpressions.Regex.Matches(statement, "\"(\\w+)\""))
            {
                var name = quoted.Groups[1].Value;
                Assert.True(columns.Contains(name) || context.Model.GetEntityTypes().Any(e => e.GetTableName() == name), $"{name} in {statement}");
            }
        }
    }
}

using CareFlows.Server.Persistence;

namespace CareFlows.Server.Tests.TestSupport;

/// <summary>The host on a fresh database in the test command's PostgreSQL 15 cluster.</summary>
public class PostgresApp : CareFlowsApp
{
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;

    public override async ValueTask InitializeAsync()
    {
        if (TestPostgres.ServerConnectionString is null)
        {
            // Tests call TestPostgres.RequireOrSkip(); the fixture itself just stays unstarted.
            return;
        }

        ConnectionString = await TestPostgres.CreateDatabaseAsync();
        await base.InitializeAsync();
    }

    protected override Task DropDatabaseAsync() =>
        ConnectionString.Length > 0 ? TestPostgres.DropDatabaseAsync(ConnectionString) : Task.CompletedTask;
}

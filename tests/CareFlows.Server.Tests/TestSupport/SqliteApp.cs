using CareFlows.Server.Persistence;

namespace CareFlows.Server.Tests.TestSupport;

/// <summary>The host on a SQLite file of its own (WAL, synchronous=FULL, as in production), deleted afterwards.</summary>
public class SqliteApp : CareFlowsApp
{
    private readonly string _folder = Directory.CreateTempSubdirectory("careflows-test-").FullName;

    public SqliteApp()
    {
        ConnectionString = $"Data Source={Path.Combine(_folder, "careflows.db")}";
    }

    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override Task DropDatabaseAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }
}

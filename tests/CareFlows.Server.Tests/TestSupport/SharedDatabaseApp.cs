using CareFlows.Server.Persistence;

namespace CareFlows.Server.Tests.TestSupport;

/// <summary>A host on a database the test owns, so that several hosts can use it one after another.</summary>
public sealed class SharedDatabaseApp : CareFlowsApp
{
    public SharedDatabaseApp(DatabaseProvider provider, string connectionString)
    {
        Provider = provider;
        ConnectionString = connectionString;
    }

    public override DatabaseProvider Provider { get; }

    protected override Task DropDatabaseAsync() => Task.CompletedTask;
}

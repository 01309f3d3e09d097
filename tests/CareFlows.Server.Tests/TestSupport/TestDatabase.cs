using CareFlows.Server.Persistence;

namespace CareFlows.Server.Tests.TestSupport;

/// <summary>A database of the given provider that outlives the hosts a test starts on it, removed at the end.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? _folder;

    private TestDatabase(DatabaseProvider provider, string connectionString, string? folder)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _folder = folder;
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    /// <summary>For SQLite, the database file.</summary>
    public string? FilePath => _folder is null ? null : Path.Combine(_folder, "careflows.db");

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.Postgres)
        {
            TestPostgres.RequireOrSkip();
            return new TestDatabase(provider, await TestPostgres.CreateDatabaseAsync(), null);
        }

        var folder = Directory.CreateTempSubdirectory("careflows-test-").FullName;
        return new TestDatabase(provider, $"Data Source={Path.Combine(folder, "careflows.db")}", folder);
    }

    public SharedDatabaseApp StartHost() => new(Provider, ConnectionString);

    public async ValueTask DisposeAsync()
    {
        if (_folder is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(_folder, recursive: true);
        }
        else
        {
            await TestPostgres.DropDatabaseAsync(ConnectionString);
        }
    }
}

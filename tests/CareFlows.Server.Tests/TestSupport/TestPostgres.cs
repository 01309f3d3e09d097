using Npgsql;

namespace CareFlows.Server.Tests.TestSupport;

/// <summary>
/// The PostgreSQL 15 cluster that the test command (eng/test.sh) starts in a temporary directory. Each fixture gets
/// a database of its own, dropped afterwards. When the test command asked for PostgreSQL and it is missing, tests fail
/// rather than skip, so a broken set-up cannot pass unnoticed.
/// </summary>
public static class TestPostgres
{
    public static string? ServerConnectionString => Environment.GetEnvironmentVariable("CAREFLOWS_TEST_POSTGRES");

    public static void RequireOrSkip()
    {
        if (ServerConnectionString is not null)
        {
            return;
        }

        if (Environment.GetEnvironmentVariable("CAREFLOWS_REQUIRE_POSTGRES") == "1")
        {
            throw new InvalidOperationException("CAREFLOWS_TEST_POSTGRES is not set although the test command requires PostgreSQL.");
        }

        Assert.Skip("No PostgreSQL: run the suite with `bash eng/test.sh`, which starts one.");
    }

    public static async Task<string> CreateDatabaseAsync()
    {
        var name = "careflows_" + Guid.NewGuid().ToString("N")[..12];
        await using var connection = new NpgsqlConnection(ServerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = name }.ConnectionString;
    }

    public static async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(ServerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}

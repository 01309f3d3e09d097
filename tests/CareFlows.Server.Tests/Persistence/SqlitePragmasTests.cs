using CareFlows.Server.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CareFlows.Server.Tests.Persistence;

/// <summary>Every SQLite connection the host opens commits durably and reads through a mapped file.</summary>
public sealed class SqlitePragmasTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private static readonly string[] Names = ["journal_mode", "synchronous", "foreign_keys", "mmap_size"];

    [Fact]
    public async Task A_connection_writes_ahead_syncs_fully_checks_foreign_keys_and_maps_the_file()
    {
        var pragmas = await app.QueryAsync(async db =>
        {
            var connection = db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);
            try
            {
                var values = new Dictionary<string, string>();
                foreach (var name in Names)
                {
                    await using var command = connection.CreateCommand();
                    command.CommandText = $"PRAGMA {name}";
                    values[name] = Convert.ToString(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken), System.Globalization.CultureInfo.InvariantCulture)!;
                }

                return values;
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        });

        Assert.Equal("wal", pragmas["journal_mode"]);
        Assert.Equal("2", pragmas["synchronous"]);
        Assert.Equal("1", pragmas["foreign_keys"]);
        Assert.True(long.Parse(pragmas["mmap_size"], System.Globalization.CultureInfo.InvariantCulture) > 0, $"mmap_size is {pragmas["mmap_size"]}");
    }
}

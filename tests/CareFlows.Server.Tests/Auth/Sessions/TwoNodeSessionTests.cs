using System.Diagnostics;
using System.Net;
using CareFlows.Server.Auth;
using CareFlows.Server.Persistence;
using CareFlows.Server.Tests.TestSupport;

namespace CareFlows.Server.Tests.Auth.Sessions;

/// <summary>
/// Two hosts on one PostgreSQL database: a session ended on one is refused by the other within the session check
/// interval (2 s by default), though the other had just admitted it and holds it in its cache.
/// </summary>
public sealed class TwoNodeSessionTests
{
    private static readonly TimeSpan Allowed = new AuthOptions().SessionCheckInterval + TimeSpan.FromSeconds(2);

    [Fact]
    public async Task A_sign_out_on_one_node_is_refused_on_the_other_within_seconds()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        var (first, second, email) = await TwoHostsAndAUserAsync(database);
        await using var disposeFirst = first;
        await using var disposeSecond = second;
        var tokens = await SignIn.BearerAsync(first.CreateClient(), email);
        using var onFirst = first.BearerClient(tokens.AccessToken);
        using var onSecond = second.BearerClient(tokens.AccessToken);
        Assert.Equal(HttpStatusCode.OK, await onSecond.MeAsync());

        var ended = Stopwatch.StartNew();
        Assert.Equal(HttpStatusCode.NoContent, (await onFirst.PostAsync("/api/auth/logout", null, TestContext.Current.CancellationToken)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, await onFirst.MeAsync());
        await RefusedWithinAsync(onSecond, ended);
    }

    [Fact]
    public async Task A_password_change_on_one_node_ends_the_sessions_the_other_node_admits_within_seconds()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        var (first, second, email) = await TwoHostsAndAUserAsync(database);
        await using var disposeFirst = first;
        await using var disposeSecond = second;
        using var onSecond = second.BearerClient((await SignIn.BearerAsync(second.CreateClient(), email)).AccessToken);
        Assert.Equal(HttpStatusCode.OK, await onSecond.MeAsync());

        var ended = Stopwatch.StartNew();
        await first.WithUserAsync(email, async (users, user) => Assert.True((await users.ChangePasswordAsync(user, TestUsers.Password, "Another-Password-2")).Succeeded));

        await RefusedWithinAsync(onSecond, ended);
    }

    /// <summary>Two hosts on the database, the second started once the first has migrated it, and a user.</summary>
    private static async Task<(SharedDatabaseApp First, SharedDatabaseApp Second, string Email)> TwoHostsAndAUserAsync(TestDatabase database)
    {
        var first = database.StartHost();
        _ = first.Server;
        var second = database.StartHost();
        _ = second.Server;
        return (first, second, await first.CreateUserAsync());
    }

    private static async Task RefusedWithinAsync(HttpClient client, Stopwatch since)
    {
        while (await client.MeAsync() == HttpStatusCode.OK)
        {
            Assert.True(since.Elapsed < Allowed, $"The other node still admitted the session {since.Elapsed} after it ended.");
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, await client.MeAsync());
    }
}

using System.Net;
using CareFlows.Server.Persistence.Entities;
using CareFlows.Server.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CareFlows.Server.Tests.Auth.Sessions;

/// <summary>Automatic logoff: a cookie session ends after the configured idle time; activity keeps it alive.</summary>
public sealed class IdleTimeoutTests(IdleTimeoutTests.ShortIdleApp app) : AppTests(app), IClassFixture<IdleTimeoutTests.ShortIdleApp>
{
    private static readonly TimeSpan IdleTimeout = TimeSpan.FromSeconds(4);

    [Fact]
    public async Task A_cookie_session_lives_while_used_and_ends_after_the_idle_timeout_while_bearer_sessions_do_not_idle_out()
    {
        var email = await App.CreateUserAsync();
        using var browser = await App.CookieClientAsync(email);
        using var program = App.BearerClient((await SignIn.BearerAsync(App.CreateClient(), email)).AccessToken);

        for (var i = 0; i < 6; i++)
        {
            await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, await browser.MeAsync());
        }

        await Task.Delay(IdleTimeout + TimeSpan.FromSeconds(1.5), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, await browser.MeAsync());
        Assert.Equal(HttpStatusCode.OK, await program.MeAsync());
        // With a short idle timeout, activity is written a quarter of it apart, so other nodes can measure idleness.
        var cookie = await QueryAsync(db => db.Sessions.AsNoTracking()
            .SingleAsync(s => s.Transport == SessionTransport.Cookie && db.Users.Any(u => u.Id == s.UserId && u.Email == email), TestContext.Current.CancellationToken));
        Assert.True(cookie.LastSeenAt >= cookie.CreatedAt + TimeSpan.FromSeconds(4), $"last seen {cookie.LastSeenAt:O}, created {cookie.CreatedAt:O}");
    }

    public sealed class ShortIdleApp : SqliteApp
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Auth:IdleTimeout"] = IdleTimeout.ToString(),
        };
    }
}

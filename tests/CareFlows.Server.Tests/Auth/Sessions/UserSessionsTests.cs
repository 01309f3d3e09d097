using System.Net;
using System.Net.Http.Json;
using CareFlows.Server.Auth;
using CareFlows.Server.Auth.Sessions;
using CareFlows.Server.Persistence.Entities;
using CareFlows.Server.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CareFlows.Server.Tests.Auth.Sessions;

/// <summary>Sessions on the real host: started at sign-in, checked on every request, ended by sign-out and by account changes.</summary>
public abstract class UserSessionsTests(CareFlowsApp app) : AppTests(app)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task After_sign_out_the_same_bearer_token_and_its_refresh_token_are_refused()
    {
        var email = await App.CreateUserAsync();
        using var anonymous = App.CreateClient();
        var tokens = await SignIn.BearerAsync(anonymous, email);
        using var client = App.BearerClient(tokens.AccessToken);
        Assert.Equal(HttpStatusCode.OK, await client.MeAsync());

        using var logout = await client.PostAsync("/api/auth/logout", null, Cancel);

        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, await client.MeAsync());
        using var refresh = await anonymous.PostAsJsonAsync("/api/auth/refresh", new RefreshRequest(tokens.RefreshToken), Cancel);
        Assert.Equal(HttpStatusCode.Unauthorized, refresh.StatusCode);
        var session = Assert.Single(await SessionsAsync(email));
        Assert.Equal(SessionEndReasons.SignedOut, session.EndReason);
    }

    [Fact]
    public async Task After_sign_out_a_saved_copy_of_the_session_cookie_is_refused()
    {
        var email = await App.CreateUserAsync();
        using var browser = await App.CookieClientAsync(email);
        await browser.AddAntiforgeryTokenAsync();
        using var saved = App.CreateClient();
        saved.DefaultRequestHeaders.Add("Cookie", await SessionCookieAsync(browser));
        Assert.Equal(HttpStatusCode.OK, await saved.MeAsync());

        using var logout = await browser.PostAsync("/api/auth/logout", null, Cancel);

        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, await browser.MeAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, await saved.MeAsync());
    }

    [Fact]
    public async Task Each_sign_in_records_its_session()
    {
        var email = await App.CreateUserAsync();
        using var client = App.CreateClient();
        client.DefaultRequestHeaders.UserAgent.ParseAdd("CareFlowsTests/1.0");
        var before = DateTime.UtcNow.AddSeconds(-1);

        await SignIn.BearerAsync(client, email);
        using var browser = await App.CookieClientAsync(email);

        var sessions = await SessionsAsync(email);
        Assert.Equal([SessionTransport.Bearer, SessionTransport.Cookie], sessions.Select(s => s.Transport).Order());
        var bearer = sessions.Single(s => s.Transport == SessionTransport.Bearer);
        Assert.Equal("CareFlowsTests/1.0", bearer.UserAgent);
        Assert.InRange(bearer.CreatedAt, before, DateTime.UtcNow);
        Assert.Equal(bearer.CreatedAt, bearer.LastSeenAt);
        Assert.Equal(bearer.CreatedAt + new AuthOptions().SessionLifetime, bearer.ExpiresAt);
        Assert.All(sessions, s => Assert.Null(s.EndedAt));
    }

    [Fact]
    public async Task A_refresh_token_gets_a_new_access_token_once_and_used_again_ends_the_session()
    {
        var email = await App.CreateUserAsync();
        using var anonymous = App.CreateClient();
        var first = await SignIn.BearerAsync(anonymous, email);

        using var refreshed = await anonymous.PostAsJsonAsync("/api/auth/refresh", new RefreshRequest(first.RefreshToken), Cancel);
        var second = await refreshed.ReadAsync<BearerTokens>(HttpStatusCode.OK);
        using var client = App.BearerClient(second.AccessToken);
        Assert.Equal(HttpStatusCode.OK, await client.MeAsync());

        using var replayed = await anonymous.PostAsJsonAsync("/api/auth/refresh", new RefreshRequest(first.RefreshToken), Cancel);

        Assert.Equal(HttpStatusCode.Unauthorized, replayed.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, await client.MeAsync());
        Assert.Equal(SessionEndReasons.RefreshTokenReused, Assert.Single(await SessionsAsync(email)).EndReason);
    }

    [Fact]
    public async Task A_password_change_ends_every_session_of_the_user_and_no_one_elses()
    {
        var (email, other) = (await App.CreateUserAsync(), await App.CreateUserAsync());
        var clients = await SignedInClientsAsync(email);
        using var bystander = App.BearerClient((await SignIn.BearerAsync(App.CreateClient(), other)).AccessToken);

        await App.WithUserAsync(email, async (users, user) => Assert.True((await users.ChangePasswordAsync(user, TestUsers.Password, "Another-Password-2")).Succeeded));

        await AssertAllRefusedAsync(clients);
        Assert.Equal(HttpStatusCode.OK, await bystander.MeAsync());
        Assert.All(await SessionsAsync(email), s => Assert.Equal(SessionEndReasons.PasswordChanged, s.EndReason));
    }

    [Fact]
    public async Task A_role_change_ends_every_session_of_the_user()
    {
        var email = await App.CreateUserAsync(Roles.Auditor);
        var clients = await SignedInClientsAsync(email);

        await App.WithUserAsync(email, async (users, user) => Assert.True((await users.AddToRoleAsync(user, Roles.Coordinator)).Succeeded));

        await AssertAllRefusedAsync(clients);
        var again = await SignedInClientsAsync(email);
        await App.WithUserAsync(email, async (users, user) => Assert.True((await users.RemoveFromRoleAsync(user, Roles.Coordinator)).Succeeded));
        await AssertAllRefusedAsync(again);
        Assert.All(await SessionsAsync(email), s => Assert.Equal(SessionEndReasons.RolesChanged, s.EndReason));
    }

    [Fact]
    public async Task Deactivation_ends_every_session_and_refuses_sign_in_with_the_answer_a_wrong_password_gets()
    {
        var email = await App.CreateUserAsync();
        var clients = await SignedInClientsAsync(email);

        await App.WithUserAsync(email, async (users, user) => Assert.True((await users.DeactivateAsync(user)).Succeeded));

        await AssertAllRefusedAsync(clients);
        using var anonymous = App.CreateClient();
        using var refused = await anonymous.PostAsJsonAsync("/api/auth/login", new LoginRequest(email, TestUsers.Password), Cancel);
        var problem = await refused.ProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(PasswordSignIn.Refused, problem["detail"]!.GetValue<string>());
        Assert.All(await SessionsAsync(email), s => Assert.Equal(SessionEndReasons.Deactivated, s.EndReason));

        await App.WithUserAsync(email, async (users, user) => Assert.True((await users.ReactivateAsync(user)).Succeeded));
        await SignIn.BearerAsync(anonymous, email);
    }

    private async Task<List<HttpClient>> SignedInClientsAsync(string email)
    {
        var first = await SignIn.BearerAsync(App.CreateClient(), email);
        var second = await SignIn.BearerAsync(App.CreateClient(), email);
        List<HttpClient> clients = [App.BearerClient(first.AccessToken), App.BearerClient(second.AccessToken), await App.CookieClientAsync(email)];
        foreach (var client in clients)
        {
            Assert.Equal(HttpStatusCode.OK, await client.MeAsync());
        }

        return clients;
    }

    private static async Task AssertAllRefusedAsync(List<HttpClient> clients)
    {
        foreach (var client in clients)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, await client.MeAsync());
            client.Dispose();
        }
    }

    private Task<List<SessionRecord>> SessionsAsync(string email) => QueryAsync(db =>
        db.Sessions.AsNoTracking().Where(s => db.Users.Any(u => u.Id == s.UserId && u.Email == email)).ToListAsync(Cancel));

    /// <summary>The session cookie as the browser holds it, to replay from elsewhere.</summary>
    private static async Task<string> SessionCookieAsync(HttpClient browser)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/auth/me");
        using var response = await browser.SendAsync(request, Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var header = request.Headers.GetValues("Cookie").Single();
        return header.Split("; ").Single(c => c.StartsWith(".AspNetCore.Identity.Application=", StringComparison.Ordinal));
    }
}

public sealed class SqliteUserSessionsTests(SqliteApp app) : UserSessionsTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresUserSessionsTests(PostgresApp app) : UserSessionsTests(app), IClassFixture<PostgresApp>;

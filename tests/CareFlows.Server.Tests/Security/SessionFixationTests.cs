using System.Net;
using System.Net.Http.Json;
using CareFlows.Server.Auth;
using CareFlows.Server.Tests.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CareFlows.Server.Tests.Security;

/// <summary>
/// A session cookie or token chosen or held before signing in is not the one signing in makes, and a session that
/// ended (signed out, or the user's roles changed through the admin API) is refused in every form it was handed out.
/// </summary>
public abstract class SessionFixationTests(CareFlowsApp app) : AppTests(app)
{
    private const string CookieName = ".AspNetCore.Identity.Application";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_cookie_planted_before_sign_in_is_replaced_and_never_signed_in()
    {
        var (_, victim) = await UserAsync();
        const string planted = "CfDJ8-attacker-chosen-session-value";
        using var browser = Browser();
        browser.DefaultRequestHeaders.Add("Cookie", $"{CookieName}={planted}");

        using var login = await browser.PostAsJsonAsync("/api/auth/login?useCookies=true", new LoginRequest(victim.Email(), AdminApi.Password), Cancel);

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var issued = SessionCookieOf(login);
        Assert.NotEqual(planted, issued);
        using var attacker = Browser();
        attacker.DefaultRequestHeaders.Add("Cookie", $"{CookieName}={planted}");
        Assert.Equal(HttpStatusCode.Unauthorized, await attacker.MeAsync());
    }

    [Fact]
    public async Task Signing_in_over_someone_elses_live_cookie_makes_a_new_session_and_leaves_theirs_as_it_was()
    {
        var (_, attackerUser) = await UserAsync();
        var (_, victim) = await UserAsync();
        using var attackerBrowser = Browser();
        using var attackerLogin = await attackerBrowser.PostAsJsonAsync("/api/auth/login?useCookies=true", new LoginRequest(attackerUser.Email(), AdminApi.Password), Cancel);
        var attackerCookie = SessionCookieOf(attackerLogin);

        // The victim's browser carries the attacker's live session when the victim signs in.
        using var victimBrowser = Browser();
        victimBrowser.DefaultRequestHeaders.Add("Cookie", $"{CookieName}={attackerCookie}");
        using var victimLogin = await victimBrowser.PostAsJsonAsync("/api/auth/login?useCookies=true", new LoginRequest(victim.Email(), AdminApi.Password), Cancel);

        Assert.NotEqual(attackerCookie, SessionCookieOf(victimLogin));
        using var replay = Browser();
        replay.DefaultRequestHeaders.Add("Cookie", $"{CookieName}={attackerCookie}");
        var me = await replay.GetFromJsonAsync<Me>("/api/auth/me", HttpJson.Options, Cancel);
        Assert.Equal(attackerUser.Id(), me!.UserId);
    }

    [Fact]
    public async Task Two_sign_ins_of_one_user_are_two_sessions_and_signing_out_one_leaves_the_other()
    {
        var (_, user) = await UserAsync();
        var first = await SignIn.BearerAsync(App.CreateClient(), user.Email(), AdminApi.Password);
        var second = await SignIn.BearerAsync(App.CreateClient(), user.Email(), AdminApi.Password);
        Assert.NotEqual(first.AccessToken, second.AccessToken);
        Assert.NotEqual(first.RefreshToken, second.RefreshToken);

        using var signOut = await App.BearerClient(first.AccessToken).PostAsync("/api/auth/logout", null, Cancel);
        Assert.True(signOut.IsSuccessStatusCode, $"sign-out answered {(int)signOut.StatusCode}");
        Assert.Equal(HttpStatusCode.Unauthorized, await App.BearerClient(first.AccessToken).MeAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, await RefreshAsync(first.RefreshToken));
        Assert.Equal(HttpStatusCode.OK, await App.BearerClient(second.AccessToken).MeAsync());
    }

    [Fact]
    public async Task A_role_change_through_the_admin_api_ends_the_bearer_refresh_and_cookie_sessions()
    {
        var (admin, user) = await UserAsync();
        var tokens = await SignIn.BearerAsync(App.CreateClient(), user.Email(), AdminApi.Password);
        using var cookie = await App.CookieClientAsync(user.Email(), password: AdminApi.Password);
        Assert.Equal(HttpStatusCode.OK, await cookie.MeAsync());

        using var changed = await admin.SendJsonAsync(HttpMethod.Patch, $"/api/admin/users/{user.Id()}", new { roles = new[] { Roles.Auditor } });
        Assert.True(changed.IsSuccessStatusCode, $"role change answered {(int)changed.StatusCode}");

        Assert.Equal(HttpStatusCode.Unauthorized, await App.BearerClient(tokens.AccessToken).MeAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, await cookie.MeAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, await RefreshAsync(tokens.RefreshToken));
        var again = await SignIn.BearerAsync(App.CreateClient(), user.Email(), AdminApi.Password);
        var me = await App.BearerClient(again.AccessToken).GetFromJsonAsync<Me>("/api/auth/me", HttpJson.Options, Cancel);
        Assert.Equal([Roles.Auditor], me!.Roles);
    }

    private HttpClient Browser()
    {
        // Cookies are set by hand here, as an attacker would plant them: the client keeps none of its own.
        var client = App.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        client.DefaultRequestHeaders.Add("Origin", SignIn.Origin);
        return client;
    }

    private async Task<HttpStatusCode> RefreshAsync(string refreshToken)
    {
        using var response = await App.CreateClient().PostJsonAsync("/api/auth/refresh", new { refreshToken });
        return response.StatusCode;
    }

    private async Task<(HttpClient Admin, System.Text.Json.Nodes.JsonObject User)> UserAsync()
    {
        var admin = await App.ClientAsync(Roles.Admin);
        return (admin, await AdminApi.CreateUserAsync(admin));
    }

    private static string SessionCookieOf(HttpResponseMessage response)
    {
        var set = response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];
        var cookie = set.FirstOrDefault(c => c.StartsWith(CookieName + "=", StringComparison.Ordinal));
        Assert.NotNull(cookie);
        return cookie[(CookieName.Length + 1)..cookie.IndexOf(';', StringComparison.Ordinal)];
    }

    private sealed record Me(string UserId, IReadOnlyList<string> Roles);
}

public sealed class SqliteSessionFixationTests(SqliteApp app) : SessionFixationTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresSessionFixationTests(PostgresApp app) : SessionFixationTests(app), IClassFixture<PostgresApp>;

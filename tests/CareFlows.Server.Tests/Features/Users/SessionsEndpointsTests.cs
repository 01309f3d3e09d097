using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CareFlows.Server.Auth;
using CareFlows.Server.Tests.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CareFlows.Server.Tests.Features.Users;

/// <summary>The session admin API on the real host: a user's sessions, everyone's active ones, and revoking one; admins only.</summary>
public abstract class SessionsEndpointsTests(CareFlowsApp app) : AppTests(app)
{
    private const string BrowserAgent = "Mozilla/5.0 (CareFlows test browser)";
    private const string ProgramAgent = "careflows-test-client/1.0";

    [Fact]
    public async Task A_users_sessions_are_listed_newest_first_with_transport_client_and_state()
    {
        using var admin = await App.ClientAsync();
        var user = await AdminApi.CreateUserAsync(admin);
        using var bearer = (await BearerAsync(user)).Client;
        using var cookie = await CookieAsync(user);
        using var ended = (await BearerAsync(user)).Client;
        await ended.PostAsync("/api/auth/logout", null, TestContext.Current.CancellationToken);

        var page = await SessionsOfAsync(admin, user);

        Assert.Equal(3, page["total"]!.GetValue<int>());
        var items = page["items"]!.AsArray().Select(i => i!.AsObject()).ToList();
        Assert.Equal(["Ended", "Active", "Active"], items.Select(i => i["state"]!.GetValue<string>()));
        Assert.Equal(["Bearer", "Cookie", "Bearer"], items.Select(i => i["transport"]!.GetValue<string>()));
        Assert.Equal("SignedOut", items[0]["endReason"]!.GetValue<string>());
        Assert.NotNull(items[0]["endedAt"]);
        Assert.Equal(BrowserAgent, items[1]["userAgent"]!.GetValue<string>());
        Assert.Equal(ProgramAgent, items[2]["userAgent"]!.GetValue<string>());
        Assert.All(items, i =>
        {
            Assert.Equal(user.Id(), i["userId"]!.GetValue<string>());
            Assert.Equal(user.Email(), i["email"]!.GetValue<string>());
            Assert.False(i["current"]!.GetValue<bool>());
            Assert.NotNull(i["startedAt"]);
            Assert.NotNull(i["lastSeenAt"]);
            Assert.NotNull(i["expiresAt"]);
        });
        Assert.True(items.Zip(items.Skip(1)).All(p => p.First["startedAt"]!.GetValue<DateTime>() >= p.Second["startedAt"]!.GetValue<DateTime>()));
        var active = await SessionsOfAsync(admin, user, "active=true");
        Assert.Equal(2, active["total"]!.GetValue<int>());
        var inactive = await SessionsOfAsync(admin, user, "active=false");
        Assert.Equal(items[0]["id"]!.GetValue<string>(), Assert.Single(inactive["items"]!.AsArray())!.Id());
    }

    [Fact]
    public async Task Revoking_a_session_signs_out_its_cookie_or_token_at_the_next_request_and_leaves_the_users_other_sessions()
    {
        using var admin = await App.ClientAsync();
        var user = await AdminApi.CreateUserAsync(admin);
        var (signedIn, tokens) = await BearerAsync(user);
        using var bearer = signedIn;
        using var cookie = await CookieAsync(user);
        Assert.Equal(HttpStatusCode.OK, await cookie.MeAsync());
        var sessions = (await SessionsOfAsync(admin, user))["items"]!.AsArray();
        var cookieSession = sessions.Single(s => s!["transport"]!.GetValue<string>() == "Cookie")!.Id();
        var bearerSession = sessions.Single(s => s!["transport"]!.GetValue<string>() == "Bearer")!.Id();

        var revoked = await RevokeAsync(admin, cookieSession);

        Assert.Equal("Ended", revoked["state"]!.GetValue<string>());
        Assert.Equal("Revoked", revoked["endReason"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Unauthorized, await cookie.MeAsync());
        Assert.Equal(HttpStatusCode.OK, await bearer.MeAsync());

        await RevokeAsync(admin, bearerSession);

        Assert.Equal(HttpStatusCode.Unauthorized, await bearer.MeAsync());
        using var refresh = await App.CreateClient().PostJsonAsync("/api/auth/refresh", new { refreshToken = tokens.RefreshToken });
        Assert.Equal(HttpStatusCode.Unauthorized, refresh.StatusCode);
        var active = await SessionsOfAsync(admin, user, "active=true");
        Assert.Equal(0, active["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task Revoking_a_session_ends_its_open_inbox_stream_before_another_event_reaches_it()
    {
        using var admin = await App.ClientAsync();
        var team = (await AdminApi.CreateTeamAsync(admin)).Id();
        var user = await AdminApi.CreateUserAsync(admin, teams: [team]);
        using var coordinator = (await BearerAsync(user)).Client;
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cancel.CancelAfter(TimeSpan.FromSeconds(20));
        using var stream = await coordinator.GetAsync("/api/inbox/stream", HttpCompletionOption.ResponseHeadersRead, cancel.Token);
        using var reader = new StreamReader(await stream.Content.ReadAsStreamAsync(cancel.Token));
        Assert.Equal("event: ready", await reader.ReadLineAsync(cancel.Token));
        var session = Assert.Single((await SessionsOfAsync(admin, user))["items"]!.AsArray())!.Id();

        await RevokeAsync(admin, session);
        await App.TeamTaskAsync(team);

        var rest = await reader.ReadToEndAsync(cancel.Token);
        Assert.DoesNotContain("event: task", rest, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revoking_a_session_that_has_ended_already_answers_it_as_it_is()
    {
        using var admin = await App.ClientAsync();
        var user = await AdminApi.CreateUserAsync(admin);
        using var bearer = (await BearerAsync(user)).Client;
        var session = Assert.Single((await SessionsOfAsync(admin, user))["items"]!.AsArray())!.Id();
        var first = await RevokeAsync(admin, session);

        var again = await RevokeAsync(admin, session);

        Assert.Equal(first.ToJsonString(), again.ToJsonString());
        await bearer.PostAsync("/api/auth/logout", null, TestContext.Current.CancellationToken);
        var afterLogout = Assert.Single((await SessionsOfAsync(admin, user))["items"]!.AsArray())!;
        Assert.Equal("Revoked", afterLogout["endReason"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_admin_may_revoke_their_own_current_session_and_is_signed_out_by_it()
    {
        using var creator = await App.ClientAsync();
        var other = await AdminApi.CreateUserAsync(creator, [Roles.Admin]);
        using var admin = (await BearerAsync(other)).Client;
        var own = Assert.Single((await SessionsOfAsync(admin, other))["items"]!.AsArray())!;
        Assert.True(own["current"]!.GetValue<bool>());

        var revoked = await RevokeAsync(admin, own.Id());

        Assert.True(revoked["current"]!.GetValue<bool>());
        Assert.Equal("Revoked", revoked["endReason"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Unauthorized, await admin.MeAsync());
    }

    [Fact]
    public async Task Active_sessions_of_everyone_are_listed_with_their_user_by_text_sorted_and_paged()
    {
        using var admin = await App.ClientAsync();
        var marker = NewKey()[..10];
        var first = await AdminApi.CreateUserAsync(admin, displayName: $"Alpha {marker}");
        var second = await AdminApi.CreateUserAsync(admin, displayName: $"Beta {marker}");
        using var firstSession = (await BearerAsync(first)).Client;
        using var secondSession = (await BearerAsync(second)).Client;
        using var signedOut = (await BearerAsync(second)).Client;
        await signedOut.PostAsync("/api/auth/logout", null, TestContext.Current.CancellationToken);

        var active = await ListAsync(admin, $"active=true&q={marker.ToUpperInvariant()}&sort=started");

        Assert.Equal(2, active["total"]!.GetValue<int>());
        var items = active["items"]!.AsArray();
        Assert.Equal([second.Email(), first.Email()], items.Select(i => i!.Email()));
        Assert.Equal($"Beta {marker}", items[0]!["displayName"]!.GetValue<string>());
        Assert.All(items, i => Assert.Equal("Active", i!["state"]!.GetValue<string>()));

        var all = await ListAsync(admin, $"q={marker}&sort=user&pageSize=2&page=1");
        Assert.Equal(3, all["total"]!.GetValue<int>());
        Assert.Equal(2, all["pageSize"]!.GetValue<int>());
        var byUser = all["items"]!.AsArray().Select(i => i!.Email()).ToList();
        var expected = new[] { first.Email(), second.Email() }.Order(StringComparer.OrdinalIgnoreCase).ToList();
        Assert.Equal(expected[0], byUser[0]);
        var nextPage = await ListAsync(admin, $"q={marker}&sort=user&pageSize=2&page=2");
        Assert.Equal(expected[1], Assert.Single(nextPage["items"]!.AsArray())!.Email());
        var ended = await ListAsync(admin, $"q={marker}&active=false");
        Assert.Equal("SignedOut", Assert.Single(ended["items"]!.AsArray())!["endReason"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("sort=newest", "sort")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=201", "pageSize")]
    [InlineData("page=0", "page")]
    public async Task A_list_filter_out_of_range_is_422_keyed_by_its_name(string query, string key)
    {
        using var admin = await App.ClientAsync();

        using var response = await admin.GetAsync($"/api/admin/sessions?{query}", TestContext.Current.CancellationToken);

        Assert.Equal([key], (await response.ProblemAsync(HttpStatusCode.UnprocessableEntity)).ErrorFields());
    }

    [Fact]
    public async Task A_list_filter_that_does_not_parse_is_400_keyed_by_its_name()
    {
        using var admin = await App.ClientAsync();
        var user = await AdminApi.CreateUserAsync(admin);

        using var all = await admin.GetAsync("/api/admin/sessions?active=maybe", TestContext.Current.CancellationToken);
        using var one = await admin.GetAsync($"/api/admin/users/{user.Id()}/sessions?page=first", TestContext.Current.CancellationToken);

        Assert.Equal(["active"], (await all.ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Equal(["page"], (await one.ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
    }

    [Fact]
    public async Task Unknown_users_and_sessions_are_404()
    {
        using var admin = await App.ClientAsync();

        await (await admin.GetAsync("/api/admin/users/no-such-user/sessions", TestContext.Current.CancellationToken)).ProblemAsync(HttpStatusCode.NotFound);
        await (await admin.PostJsonAsync("/api/admin/sessions/no-such-session/revoke", null)).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData(Roles.ClinicalLead)]
    [InlineData(Roles.Coordinator)]
    [InlineData(Roles.Auditor)]
    public async Task Other_roles_get_403_and_revoke_nothing(string role)
    {
        using var admin = await App.ClientAsync();
        var user = await AdminApi.CreateUserAsync(admin);
        using var session = (await BearerAsync(user)).Client;
        var sessionId = Assert.Single((await SessionsOfAsync(admin, user))["items"]!.AsArray())!.Id();
        using var client = await App.ClientAsync(role);

        await (await client.GetAsync($"/api/admin/users/{user.Id()}/sessions", TestContext.Current.CancellationToken)).ProblemAsync(HttpStatusCode.Forbidden);
        await (await client.GetAsync("/api/admin/sessions?active=true", TestContext.Current.CancellationToken)).ProblemAsync(HttpStatusCode.Forbidden);
        await (await client.PostJsonAsync($"/api/admin/sessions/{sessionId}/revoke", null)).ProblemAsync(HttpStatusCode.Forbidden);

        Assert.Equal(HttpStatusCode.OK, await session.MeAsync());
    }

    [Fact]
    public async Task A_cookie_signed_in_admin_needs_the_antiforgery_token_to_revoke()
    {
        using var admin = await App.ClientAsync();
        var user = await AdminApi.CreateUserAsync(admin);
        using var session = (await BearerAsync(user)).Client;
        var sessionId = Assert.Single((await SessionsOfAsync(admin, user))["items"]!.AsArray())!.Id();
        using var browser = await App.CookieClientAsync("admin@careflows.local", password: DemoSignIn.Password);

        await (await browser.PostJsonAsync($"/api/admin/sessions/{sessionId}/revoke", null)).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, await session.MeAsync());
        await browser.AddAntiforgeryTokenAsync();
        using var revoked = await browser.PostJsonAsync($"/api/admin/sessions/{sessionId}/revoke", null);

        Assert.Equal("Revoked", (await revoked.ReadAsync<JsonObject>(HttpStatusCode.OK))["endReason"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Unauthorized, await session.MeAsync());
    }

    /// <summary>A bearer session of a user the admin API made, started by a program with its own user agent.</summary>
    private async Task<(HttpClient Client, BearerTokens Tokens)> BearerAsync(JsonObject user)
    {
        using var anonymous = App.CreateClient();
        anonymous.DefaultRequestHeaders.UserAgent.ParseAdd(ProgramAgent);
        var tokens = await SignIn.BearerAsync(anonymous, user.Email(), AdminApi.Password);
        return (App.BearerClient(tokens.AccessToken), tokens);
    }

    /// <summary>A cookie session of a user the admin API made, started by a browser.</summary>
    private async Task<HttpClient> CookieAsync(JsonObject user)
    {
        var client = App.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true, BaseAddress = new Uri(SignIn.Origin) });
        client.DefaultRequestHeaders.Add("Origin", SignIn.Origin);
        client.DefaultRequestHeaders.UserAgent.ParseAdd(BrowserAgent);
        using var response = await client.PostAsJsonAsync("/api/auth/login?useCookies=true", new LoginRequest(user.Email(), AdminApi.Password), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return client;
    }

    private static async Task<JsonObject> SessionsOfAsync(HttpClient admin, JsonNode user, string query = "")
    {
        using var response = await admin.GetAsync($"/api/admin/users/{user.Id()}/sessions?{query}", TestContext.Current.CancellationToken);
        return await response.ReadAsync<JsonObject>(HttpStatusCode.OK);
    }

    private static async Task<JsonObject> ListAsync(HttpClient admin, string query)
    {
        using var response = await admin.GetAsync($"/api/admin/sessions?{query}", TestContext.Current.CancellationToken);
        return await response.ReadAsync<JsonObject>(HttpStatusCode.OK);
    }

    private static async Task<JsonObject> RevokeAsync(HttpClient admin, string sessionId)
    {
        using var response = await admin.PostJsonAsync($"/api/admin/sessions/{sessionId}/revoke", null);
        return await response.ReadAsync<JsonObject>(HttpStatusCode.OK);
    }
}

public sealed class SqliteSessionsEndpointsTests(SqliteApp app) : SessionsEndpointsTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresSessionsEndpointsTests(PostgresApp app) : SessionsEndpointsTests(app), IClassFixture<PostgresApp>;

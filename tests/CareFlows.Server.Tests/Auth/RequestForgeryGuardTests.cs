using System.Net;
using System.Net.Http.Json;
using System.Text;
using CareFlows.Server.Auth;
using CareFlows.Server.Tests.Features.Definitions;
using CareFlows.Server.Tests.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace CareFlows.Server.Tests.Auth;

/// <summary>
/// Cross-site request forgery: a cookie-authenticated change needs this server's Origin and the antiforgery header;
/// a cookie sign-in needs this server's Origin; bearer-token requests need neither.
/// </summary>
public abstract class RequestForgeryGuardTests(CareFlowsApp app) : AppTests(app)
{
    private const string Foreign = "https://attacker.example";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_cookie_multipart_import_with_a_foreign_origin_is_refused_and_stores_nothing_with_or_without_a_token(bool withToken)
    {
        var definitionId = "csrf-" + NewKey();
        using var browser = await App.CookieClientAsync(await App.CreateUserAsync(Roles.ClinicalLead));
        if (withToken)
        {
            await browser.AddAntiforgeryTokenAsync();
        }

        browser.DefaultRequestHeaders.Remove("Origin");
        using var request = Import(definitionId);
        request.Headers.Add("Origin", Foreign);

        using var response = await browser.SendAsync(request, Cancel);

        await response.ProblemAsync(HttpStatusCode.Forbidden);
        Assert.False(await StoredAsync(definitionId));
    }

    [Fact]
    public async Task A_cookie_import_from_the_own_origin_without_the_token_is_refused_and_with_it_is_stored()
    {
        var definitionId = "csrf-" + NewKey();
        using var browser = await App.CookieClientAsync(await App.CreateUserAsync(Roles.ClinicalLead));

        using var withoutToken = await browser.SendAsync(Import(definitionId), Cancel);
        await withoutToken.ProblemAsync(HttpStatusCode.Forbidden);
        Assert.False(await StoredAsync(definitionId));

        await browser.AddAntiforgeryTokenAsync();
        using var withToken = await browser.SendAsync(Import(definitionId), Cancel);
        Assert.Equal(HttpStatusCode.OK, withToken.StatusCode);
        Assert.True(await StoredAsync(definitionId));
    }

    [Fact]
    public async Task A_forged_sign_out_is_refused_and_the_session_lives_on()
    {
        using var browser = await App.CookieClientAsync(await App.CreateUserAsync());
        browser.DefaultRequestHeaders.Remove("Origin");
        browser.DefaultRequestHeaders.Add("Origin", Foreign);

        using var response = await browser.PostAsync("/api/auth/logout", null, Cancel);

        await response.ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, await browser.MeAsync());
    }

    [Fact]
    public async Task A_cookie_sign_in_from_a_foreign_origin_is_refused_without_a_cookie()
    {
        var email = await App.CreateUserAsync();
        using var client = App.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        client.DefaultRequestHeaders.Add("Origin", Foreign);

        using var response = await client.PostAsJsonAsync("/api/auth/login?useCookies=true", new LoginRequest(email, TestUsers.Password), Cancel);

        await response.ProblemAsync(HttpStatusCode.Forbidden);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task Signing_in_again_from_the_own_origin_needs_no_token_from_the_live_session()
    {
        var email = await App.CreateUserAsync();
        using var browser = await App.CookieClientAsync(email);

        using var again = await browser.PostAsJsonAsync("/api/auth/login?useCookies=true", new LoginRequest(email, TestUsers.Password), Cancel);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(HttpStatusCode.OK, await browser.MeAsync());
    }

    [Fact]
    public async Task Bearer_requests_need_neither_origin_nor_token()
    {
        var definitionId = "csrf-" + NewKey();
        using var client = await App.ClientAsync(Roles.ClinicalLead);
        using var request = Import(definitionId);
        request.Headers.Remove("Origin");

        using var response = await client.SendAsync(request, Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(await StoredAsync(definitionId));
    }

    [Fact]
    public async Task The_session_cookie_is_strict_same_site_http_only_and_secure_over_https()
    {
        var email = await App.CreateUserAsync();
        using var http = App.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        http.DefaultRequestHeaders.Add("Origin", SignIn.Origin);
        using var https = App.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, BaseAddress = new Uri("https://careflows.test") });
        https.DefaultRequestHeaders.Add("Origin", "https://careflows.test");

        var overHttp = await SessionCookieAsync(http, email, persist: false);
        var overHttps = await SessionCookieAsync(https, email, persist: false);
        var persistent = await SessionCookieAsync(http, email, persist: true);

        Assert.Contains("samesite=strict", overHttp, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", overHttp, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secure", overHttp.Replace("httponly", "", StringComparison.OrdinalIgnoreCase), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("expires=", overHttp, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("secure", overHttps.Replace("httponly", "", StringComparison.OrdinalIgnoreCase), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("expires=", persistent, StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<string> SessionCookieAsync(HttpClient client, string email, bool persist)
    {
        using var response = await client.PostAsJsonAsync($"/api/auth/login?useCookies=true&persistCookies={persist}", new LoginRequest(email, TestUsers.Password), Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Identity.Application=", StringComparison.Ordinal));
    }

    private static HttpRequestMessage Import(string definitionId)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(DefinitionJson.Valid(definitionId).ToJsonString(), Encoding.UTF8, "application/json"), "files", $"{definitionId}.json" },
        };
        return new HttpRequestMessage(HttpMethod.Post, "/api/definitions/import?publish=true") { Content = form };
    }

    private Task<bool> StoredAsync(string definitionId) => QueryAsync(db => db.Definitions.AnyAsync(d => d.DefinitionId == definitionId, Cancel));
}

public sealed class SqliteRequestForgeryGuardTests(SqliteApp app) : RequestForgeryGuardTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresRequestForgeryGuardTests(PostgresApp app) : RequestForgeryGuardTests(app), IClassFixture<PostgresApp>;

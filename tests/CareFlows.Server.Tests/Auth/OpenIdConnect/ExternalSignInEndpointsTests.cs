using System.Net;
using System.Text.Json.Nodes;
using CareFlows.Server.Auth.OpenIdConnect;
using CareFlows.Server.Tests.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.WebUtilities;

namespace CareFlows.Server.Tests.Auth.OpenIdConnect;

/// <summary>The providers the sign-in page offers, and the redirect that starts signing in through one.</summary>
public sealed class ExternalSignInEndpointsTests(SqliteOpenIdConnectApp app) : AppTests(app), IClassFixture<SqliteOpenIdConnectApp>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>What ties the provider's answer to this browser's sign-in.</summary>
    private static readonly string[] Unguessable = ["state", "nonce", "code_challenge"];

    private TestOpenIdProvider Provider => ((IOpenIdConnectApp)App).OpenIdProvider;

    [Fact]
    public async Task The_configured_provider_is_listed_to_anyone()
    {
        using var client = App.CreateClient();

        using var response = await client.GetAsync("/api/auth/providers", Cancel);

        var provider = Assert.Single(await response.ReadAsync<JsonArray>(HttpStatusCode.OK))!;
        Assert.Equal((OpenIdConnectSignInOptions.ProviderId, OpenIdConnectSettings.DisplayName), (provider["id"]!.GetValue<string>(), provider["displayName"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Signing_in_redirects_to_the_provider_with_state_nonce_and_PKCE_and_Lax_cookies_to_check_them_by()
    {
        using var browser = new SsoBrowser(App, Provider);

        using var response = await browser.App.GetAsync("/api/auth/external/oidc?returnUrl=%2Finbox", Cancel);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var authorize = response.Headers.Location!;
        Assert.Equal($"{Provider.Issuer}/authorize", authorize.GetLeftPart(UriPartial.Path));
        var query = QueryHelpers.ParseQuery(authorize.Query);
        Assert.Equal(TestOpenIdProvider.ClientId, query["client_id"].ToString());
        Assert.Equal($"{SsoBrowser.Origin}{OpenIdConnectSignInOptions.CallbackPath}", query["redirect_uri"].ToString());
        Assert.Equal(("code", "S256"), (query["response_type"].ToString(), query["code_challenge_method"].ToString()));
        // Without response_mode the code comes back in the query (the code flow's default), never as a form post.
        Assert.False(query.ContainsKey("response_mode"));
        Assert.Equal(["openid", "profile", "email"], query["scope"].ToString().Split(' '));
        Assert.All(Unguessable, name => Assert.False(string.IsNullOrEmpty(query[name]), name));
        var cookies = response.Headers.GetValues("Set-Cookie").ToList();
        Assert.Equal(2, cookies.Count);
        Assert.All(cookies, c => Assert.Contains("samesite=lax", c, StringComparison.OrdinalIgnoreCase));
        Assert.All(cookies, c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));
        Assert.All(cookies, c => Assert.Contains("httponly", c, StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("https://evil.example/inbox")]
    [InlineData("//evil.example/inbox")]
    [InlineData("/\\evil.example/inbox")]
    [InlineData("javascript:alert(1)")]
    [InlineData("inbox")]
    [InlineData("/inbox\r\nSet-Cookie: a=b")]
    public async Task A_return_address_off_this_server_is_refused(string returnUrl)
    {
        using var client = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.GetAsync($"/api/auth/external/oidc?returnUrl={Uri.EscapeDataString(returnUrl)}", Cancel);

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["returnUrl"], problem.ErrorFields());
    }

    [Fact]
    public async Task A_provider_not_configured_is_not_found()
    {
        using var client = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.GetAsync("/api/auth/external/google", Cancel);

        await response.ProblemAsync(HttpStatusCode.NotFound);
    }
}

/// <summary>Without <c>Auth:OpenIdConnect:Authority</c> there is no provider: none listed, none to sign in through.</summary>
public sealed class ExternalSignInDisabledTests(SqliteApp app) : AppTests(app), IClassFixture<SqliteApp>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task No_provider_is_listed_and_none_can_be_used()
    {
        using var client = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var providers = await client.GetAsync("/api/auth/providers", Cancel);
        using var challenge = await client.GetAsync("/api/auth/external/oidc", Cancel);
        using var callback = await client.GetAsync($"{OpenIdConnectSignInOptions.CallbackPath}?code=x&state=y", Cancel);

        Assert.Empty(await providers.ReadAsync<JsonArray>(HttpStatusCode.OK));
        await challenge.ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NotFound, callback.StatusCode);
    }
}

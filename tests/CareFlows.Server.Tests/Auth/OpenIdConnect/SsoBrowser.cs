using System.Net;
using System.Text.Json.Nodes;
using CareFlows.Server.Tests.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CareFlows.Server.Tests.Auth.OpenIdConnect;

/// <summary>
/// A browser signing in through the provider, one redirect at a time: it keeps CareFlows' cookies (the correlation
/// and nonce cookies, then the session's) and follows each redirect by hand, to CareFlows in process and to the
/// provider over its real port.
/// </summary>
public sealed class SsoBrowser : IDisposable
{
    /// <summary>CareFlows' address as the browser knows it: HTTPS, as the correlation cookies are Secure.</summary>
    public const string Origin = "https://localhost";

    private readonly TestOpenIdProvider _provider;
    private readonly HttpClient _toProvider = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });

    public SsoBrowser(CareFlowsApp app, TestOpenIdProvider provider)
    {
        ArgumentNullException.ThrowIfNull(app);
        _provider = provider;
        App = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri(Origin) });
        App.DefaultRequestHeaders.Add("Origin", Origin);
    }

    /// <summary>The browser's requests to CareFlows, with its cookies.</summary>
    public HttpClient App { get; }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>Logs in at the provider as <paramref name="login"/> says and comes back: where CareFlows sends the browser in the end.</summary>
    public async Task<string> SignInAsync(TestLogin login, string returnUrl = "/inbox") =>
        await ReturnAsync(await LogInAtProviderAsync(await StartAsync(returnUrl), login));

    /// <summary>Asks CareFlows to sign in through the provider: the provider's authorize address it redirects to.</summary>
    public async Task<Uri> StartAsync(string returnUrl = "/inbox")
    {
        using var response = await App.GetAsync($"/api/auth/external/oidc?returnUrl={Uri.EscapeDataString(returnUrl)}", Cancel);
        return await RedirectedAsync(response);
    }

    /// <summary>The person logs in at the provider, which sends the browser back to CareFlows' callback.</summary>
    public async Task<Uri> LogInAtProviderAsync(Uri authorize, TestLogin login)
    {
        ArgumentNullException.ThrowIfNull(authorize);
        Assert.StartsWith(_provider.Issuer, authorize.AbsoluteUri, StringComparison.Ordinal);
        var url = $"{authorize.AbsoluteUri}&{TestOpenIdProvider.LoginParameter}={_provider.Register(login)}";
        using var response = await _toProvider.GetAsync(url, Cancel);
        return await RedirectedAsync(response);
    }

    /// <summary>Follows the provider's redirect into CareFlows: where CareFlows sends the browser next.</summary>
    public async Task<string> ReturnAsync(Uri callback)
    {
        using var response = await App.GetAsync(callback, Cancel);
        return (await RedirectedAsync(response)).OriginalString;
    }

    /// <summary>The signed-in user as <c>/api/auth/me</c> shows them, or null when the browser is not signed in.</summary>
    public async Task<JsonObject?> MeAsync()
    {
        using var response = await App.GetAsync("/api/auth/me", Cancel);
        return response.StatusCode == HttpStatusCode.Unauthorized ? null : await response.ReadAsync<JsonObject>(HttpStatusCode.OK);
    }

    private static async Task<Uri> RedirectedAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}, not a redirect: {body}");
        return response.Headers.Location!;
    }

    public void Dispose()
    {
        App.Dispose();
        _toProvider.Dispose();
    }
}

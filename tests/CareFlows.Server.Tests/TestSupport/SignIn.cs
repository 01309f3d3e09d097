using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using CareFlows.Server.Auth;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CareFlows.Server.Tests.TestSupport;

/// <summary>Signing in as a browser (cookie) or as a program (bearer token) does, for tests of sessions.</summary>
public static class SignIn
{
    /// <summary>The origin of the in-process test server, which a same-origin browser request carries.</summary>
    public const string Origin = "http://localhost";

    public static async Task<BearerTokens> BearerAsync(HttpClient client, string email, string password = TestUsers.Password)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var response = await client.PostAsJsonAsync("/api/auth/login", new LoginRequest(email, password), TestContext.Current.CancellationToken);
        return await response.ReadAsync<BearerTokens>(HttpStatusCode.OK);
    }

    public static HttpClient BearerClient(this CareFlowsApp app, string accessToken)
    {
        ArgumentNullException.ThrowIfNull(app);
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }

    /// <summary>A client that keeps cookies, signed in with a session cookie from this server's own origin.</summary>
    public static async Task<HttpClient> CookieClientAsync(this CareFlowsApp app, string email, string? baseAddress = null, string password = TestUsers.Password)
    {
        ArgumentNullException.ThrowIfNull(app);
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true, BaseAddress = new Uri(baseAddress ?? Origin) });
        client.DefaultRequestHeaders.Add("Origin", baseAddress ?? Origin);
        using var response = await client.PostAsJsonAsync("/api/auth/login?useCookies=true", new LoginRequest(email, password), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return client;
    }

    /// <summary>Fetches the antiforgery token and sends it with every later request of this client.</summary>
    public static async Task<string> AddAntiforgeryTokenAsync(this HttpClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var response = await client.GetAsync("/api/auth/antiforgery", TestContext.Current.CancellationToken);
        var token = await response.ReadAsync<AntiforgeryTokenResponse>(HttpStatusCode.OK);
        client.DefaultRequestHeaders.Add(token.HeaderName, token.Token);
        return token.Token;
    }

    public static async Task<HttpStatusCode> MeAsync(this HttpClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var response = await client.GetAsync("/api/auth/me", TestContext.Current.CancellationToken);
        return response.StatusCode;
    }
}

public sealed record BearerTokens(string TokenType, string AccessToken, long ExpiresIn, string RefreshToken);

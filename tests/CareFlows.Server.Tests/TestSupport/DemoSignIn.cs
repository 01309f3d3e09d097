using System.Net.Http.Json;
using CareFlows.Server.Auth;

namespace CareFlows.Server.Tests.TestSupport;

/// <summary>Signs in as the seeded demo users, whether the host runs in process or as a separate process.</summary>
public static class DemoSignIn
{
    /// <summary>The demo users' password, as the host seeds them.</summary>
    public static string Password { get; } = new AuthOptions().DemoPassword;

    /// <summary>A bearer token for the demo user holding <paramref name="role"/>.</summary>
    public static async Task<string> BearerTokenAsync(HttpClient client, string role, CancellationToken cancellationToken = default)
    {
        var email = DemoUsers.All.Single(u => u.Role == role).Email;
        using var response = await client.PostAsJsonAsync("/api/auth/login", new LoginRequest(email, Password), cancellationToken);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<TokenResponse>(cancellationToken))!.AccessToken;
    }

    private sealed record TokenResponse(string AccessToken);
}

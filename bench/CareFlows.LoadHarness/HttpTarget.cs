using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace CareFlows.LoadHarness;

/// <summary>The HTTP API as a client sees it: POST /api/instances and POST /api/events with a bearer token.</summary>
internal sealed class HttpTarget(HttpClient client) : ILoadTarget
{
    private static readonly Uri Instances = new("/api/instances", UriKind.Relative);
    private static readonly Uri Events = new("/api/events", UriKind.Relative);
    private static readonly Uri Login = new("/api/auth/login", UriKind.Relative);

    /// <summary>Signs the client in as the demo administrator: every request it sends carries the bearer token.</summary>
    public static async Task SignInAsync(HttpClient client) =>
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(client, "admin@careflows.local", "CareFlows-Demo-1"));

    /// <summary>Signs a user in and returns their bearer token.</summary>
    public static async Task<string> TokenAsync(HttpClient client, string email, string password)
    {
        using var response = await client.PostAsJsonAsync(Login, new { email, password });
        await RequireSuccessAsync(response, "sign-in");
        return (await response.Content.ReadFromJsonAsync<TokenResponse>())?.AccessToken
            ?? throw new InvalidOperationException("Sign-in returned no access token.");
    }

    public async Task StartAsync(string definitionId, string correlationId, IReadOnlyDictionary<string, object?>? input)
    {
        using var response = await client.PostAsJsonAsync(Instances, new { definitionId, correlationId, input });
        await RequireSuccessAsync(response, "start");
    }

    public async Task PublishAsync(string eventName, string correlationKey, string? idempotencyKey)
    {
        using var response = await client.PostAsJsonAsync(Events, new { eventName, correlationKey, idempotencyKey });
        var body = await RequireSuccessAsync(response, "event");
        if (!body.Contains("\"Delivered\"", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Event for {correlationKey} was not delivered: {body}");
        }
    }

    public void Dispose() => client.Dispose();

    /// <summary>The answer's body, or an exception naming the request, the status and the body.</summary>
    public static async Task<string> RequireSuccessAsync(HttpResponseMessage response, string what)
    {
        var body = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode
            ? body
            : throw new HttpRequestException($"{what}: {(int)response.StatusCode} {response.ReasonPhrase} {body}");
    }

    private sealed record TokenResponse(string AccessToken);
}

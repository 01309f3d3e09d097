using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace CareFlows.LoadHarness;

/// <summary>The HTTP API as a client sees it: POST /api/instances and POST /api/events with a bearer token.</summary>
internal sealed class HttpTarget(HttpClient client) : ILoadTarget
{
    private static readonly Uri Instances = new("/api/instances", UriKind.Relative);
    private static readonly Uri Events = new("/api/events", UriKind.Relative);
    private static readonly Uri Login = new("/api/auth/login", UriKind.Relative);
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    /// <summary>Signs the client in as the demo administrator: every request it sends carries the bearer token.</summary>
    public static async Task SignInAsync(HttpClient client) =>
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(client, "admin@careflows.local", "CareFlows-Demo-1"));

    /// <summary>Signs a user in and returns their bearer token.</summary>
    public static async Task<string> TokenAsync(HttpClient client, string email, string password)
    {
        using var response = await PostJsonAsync(client, Login, new { email, password });
        await RequireSuccessAsync(response, "sign-in");
        return (await response.Content.ReadFromJsonAsync<TokenResponse>())?.AccessToken
            ?? throw new InvalidOperationException("Sign-in returned no access token.");
    }

    public async Task StartAsync(string definitionId, string correlationId, IReadOnlyDictionary<string, object?>? input)
    {
        using var response = await PostJsonAsync(client, Instances, new { definitionId, correlationId, input });
        await RequireSuccessAsync(response, "start");
    }

    public async Task PublishAsync(string eventName, string correlationKey, string? idempotencyKey)
    {
        using var response = await PostJsonAsync(client, Events, new { eventName, correlationKey, idempotencyKey });
        var body = await RequireSuccessAsync(response, "event");
        if (!body.Contains("\"Delivered\"", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Event for {correlationKey} was not delivered: {body}");
        }
    }

    public void Dispose() => client.Dispose();

    /// <summary>
    /// POSTs <paramref name="body"/> as JSON with its length, as a browser's fetch sends a JSON body (HttpClient's
    /// JSON helpers stream it in chunks instead, which no browser does and which costs the server more to read).
    /// </summary>
    public static async Task<HttpResponseMessage> PostJsonAsync(HttpClient client, Uri uri, object body, string? token = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, Web)) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await client.SendAsync(request);
    }

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

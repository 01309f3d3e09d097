using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using CareFlows.Server.Audit;
using CareFlows.Server.Infrastructure;
using CareFlows.Server.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CareFlows.Server.Tests.Security;

/// <summary>
/// Every write endpoint, sent a body over the size limit, answers 413 and sent JSON nested ten thousand deep answers
/// 400 naming a JSON path: each a problem, never a 500, and nothing is stored (no change reaches the audit log).
/// </summary>
public abstract class OversizedBodyTests(CareFlowsApp app) : AppTests(app)
{
    private const int Depth = 10_000;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_body_over_the_limit_is_413_everywhere()
    {
        var limit = App.Get<ApiOptions>().MaxRequestBodyBytes;
        var oversized = Encoding.UTF8.GetBytes("{\"name\":\"" + new string('x', (int)limit) + "\"}");
        var problems = new List<string>();
        var clients = await ClientsAsync(WriteEndpoints());
        var before = await LastSuccessAsync();

        foreach (var (endpoint, client) in clients)
        {

            // Declared up front, and sent in chunks with no length, which only the server's reading can stop.
            foreach (var chunked in endpoint.TakesBody ? new[] { false, true } : [false])
            {
                using var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), endpoint.PlaceholderUrl())
                {
                    Content = chunked ? new StreamContent(new MemoryStream(oversized)) : new ByteArrayContent(oversized),
                };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue(ContentTypeOf(endpoint)) { CharSet = "utf-8" };
                using var response = await client.SendAsync(request, Cancel);
                var body = await response.Content.ReadAsStringAsync(Cancel);
                if (response.StatusCode != HttpStatusCode.RequestEntityTooLarge || response.Content.Headers.ContentType?.MediaType is not ("application/problem+json" or "application/fhir+json"))
                {
                    problems.Add($"{endpoint.Name}{(chunked ? " (chunked)" : "")}: {(int)response.StatusCode} {response.Content.Headers.ContentType} {Shorten(body)}");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        Assert.Equal(before, await LastSuccessAsync());
    }

    [Fact]
    public async Task Json_nested_ten_thousand_deep_is_400_naming_a_json_path()
    {
        var nested = new StringBuilder(Depth * 8);
        for (var i = 0; i < Depth; i++)
        {
            nested.Append("{\"a\":");
        }

        nested.Append('1').Append('}', Depth);
        var arrays = new string('[', Depth) + new string(']', Depth);
        var problems = new List<string>();
        var clients = await ClientsAsync(WriteEndpoints().Where(e => e.TakesBody && ContentTypeOf(e).EndsWith("json", StringComparison.Ordinal)));
        var before = await LastSuccessAsync();

        foreach (var (endpoint, client) in clients)
        {
            foreach (var json in new[] { nested.ToString(), arrays, "{\"input\":" + nested + "}" })
            {
                using var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), endpoint.PlaceholderUrl())
                {
                    Content = new StringContent(json, Encoding.UTF8, ContentTypeOf(endpoint)),
                };
                using var response = await client.SendAsync(request, Cancel);
                var body = await response.Content.ReadAsStringAsync(Cancel);
                var errors = body.StartsWith('{') ? JsonNode.Parse(body)?["errors"]?.AsObject() : null;
                if (response.StatusCode != HttpStatusCode.BadRequest || errors is null || !errors.Any(e => e.Key.StartsWith('$')))
                {
                    problems.Add($"{endpoint.Name} <{json[..12]}…>: {(int)response.StatusCode} {Shorten(body)}");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        Assert.Equal(before, await LastSuccessAsync());
    }

    /// <summary>Endpoints that take a body, but signing in and out (signing out would end the shared session; both stay with their own tests).</summary>
    private List<ApiEndpoint> WriteEndpoints() =>
        [.. ApiEndpoints.Of(App).Where(e => e.Method is "POST" or "PUT" or "PATCH" && !e.Pattern.StartsWith("/api/auth/", StringComparison.Ordinal))];

    /// <summary>Each endpoint with a client it admits, signed in before the audit log is read: signing in is recorded too.</summary>
    private async Task<List<(ApiEndpoint Endpoint, HttpClient Client)>> ClientsAsync(IEnumerable<ApiEndpoint> endpoints)
    {
        var clients = new List<(ApiEndpoint, HttpClient)>();
        foreach (var endpoint in endpoints)
        {
            clients.Add((endpoint, await App.AdmittedClientAsync(endpoint)));
        }

        return clients;
    }

    private static string ContentTypeOf(ApiEndpoint endpoint) => endpoint.Pattern switch
    {
        "/api/feeds/adt" => "application/hl7-v2",
        _ when endpoint.Pattern.StartsWith("/api/feeds/fhir/", StringComparison.Ordinal) => "application/fhir+json",
        _ => "application/json",
    };

    private Task<long> LastSuccessAsync() => QueryAsync(async db =>
        await db.AuditRecords.Where(r => r.Outcome == AuditOutcomes.Success).MaxAsync(r => (long?)r.Sequence, Cancel) ?? 0);

    private static string Shorten(string text) => text.Length > 300 ? text[..300] + "…" : text;
}

public sealed class SqliteOversizedBodyTests(SqliteApp app) : OversizedBodyTests(app), IClassFixture<SqliteApp>;

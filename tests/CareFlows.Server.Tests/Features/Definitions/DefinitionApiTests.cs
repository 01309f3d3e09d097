using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using CareFlows.Server.Auth;
using CareFlows.Server.Persistence.Entities;
using CareFlows.Server.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CareFlows.Server.Tests.Features.Definitions;

/// <summary>What the definitions API tests share: a clinical lead's client, JSON requests, and reading answers.</summary>
public abstract class DefinitionApiTests(CareFlowsApp app) : AppTests(app)
{
    protected static CancellationToken Cancel => TestContext.Current.CancellationToken;

    protected Task<HttpClient> LeadAsync() => App.ClientAsync(Roles.ClinicalLead);

    protected static StringContent Json(JsonNode node) => Json(node.ToJsonString());

    protected static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    protected static ByteArrayContent Json(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    /// <summary>Sends a request and checks its status; returns the JSON answer (null for an empty body).</summary>
    protected static async Task<JsonNode?> SendAsync(HttpClient client, HttpMethod method, string url, HttpContent? content, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(method, url) { Content = content };
        using var response = await client.SendAsync(request, Cancel);
        var text = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(response.StatusCode == expected, $"{method} {url}: expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        if ((int)expected >= 400 && expected != HttpStatusCode.Unauthorized)
        {
            // Every refusal is an RFC 7807 problem (a 401 carries only its challenge).
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        return text.Length == 0 ? null : JsonNode.Parse(text);
    }

    protected static Task<JsonNode?> PostAsync(HttpClient client, string url, JsonNode? body, HttpStatusCode expected) =>
        SendAsync(client, HttpMethod.Post, url, body is null ? null : Json(body), expected);

    protected static async Task<JsonNode> ImportAsync(HttpClient client, JsonNode body, bool publish = false) =>
        (await PostAsync(client, $"/api/definitions/import?publish={publish.ToString().ToLowerInvariant()}", body, HttpStatusCode.OK))!["definitions"]!;

    protected static async Task<JsonNode> GetAsync(HttpClient client, string url) =>
        (await SendAsync(client, HttpMethod.Get, url, null, HttpStatusCode.OK))!;

    /// <summary>The keys of a 422 problem's <c>errors</c>.</summary>
    protected static List<string> ErrorKeys(JsonNode? problem) => [.. problem!["errors"]!.AsObject().Select(e => e.Key)];

    protected Task<List<WorkflowDefinitionRecord>> VersionsAsync(string definitionId) =>
        QueryAsync(db => db.Definitions.AsNoTracking().Where(d => d.DefinitionId == definitionId).OrderBy(d => d.Version).ToListAsync());

    /// <summary>Every stored version of every definition, to show that a refused request changed nothing.</summary>
    protected Task<List<(string Id, string Json, bool IsLatest, bool IsPublished)>> SnapshotAsync() =>
        QueryAsync(async db => (await db.Definitions.AsNoTracking().OrderBy(d => d.Id).ToListAsync())
            .ConvertAll(d => (d.Id, d.Json, d.IsLatest, d.IsPublished)));

    /// <summary>Creates a definition as a version 1 draft through the API.</summary>
    protected static async Task<JsonNode> CreateAsync(HttpClient client, JsonNode definition) =>
        (await PostAsync(client, "/api/definitions", definition, HttpStatusCode.Created))!;

    /// <summary>Saves a draft of a definition through the API.</summary>
    protected static Task<JsonNode?> PutAsync(HttpClient client, string definitionId, JsonNode definition, HttpStatusCode expected = HttpStatusCode.OK) =>
        SendAsync(client, HttpMethod.Put, $"/api/definitions/{definitionId}", Json(definition), expected);

    protected static string UniqueId(string prefix) => $"{prefix}-{NewKey()[..8]}";
}

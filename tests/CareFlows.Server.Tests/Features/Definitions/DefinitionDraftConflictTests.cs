using System.Net;
using System.Text.Json.Nodes;
using CareFlows.Server.Tests.TestSupport;

namespace CareFlows.Server.Tests.Features.Definitions;

public abstract class DefinitionDraftConflictTests(CareFlowsApp app) : DefinitionApiTests(app)
{
    [Fact]
    public async Task A_draft_saved_with_a_stale_etag_is_refused_and_nothing_changes_while_the_current_etag_or_none_saves()
    {
        var id = UniqueId("etag");
        using var client = await LeadAsync();
        var opened = await CreateAsync(client, DefinitionJson.Valid(id, "one"));
        var openedEtag = opened["etag"]!.GetValue<string>();

        // Someone else saves first.
        var theirs = (await SaveAsync(client, id, DefinitionJson.Valid(id, "theirs"), openedEtag, HttpStatusCode.OK))!;
        Assert.NotEqual(openedEtag, theirs["etag"]!.GetValue<string>());
        var before = await SnapshotAsync();

        var problem = await SaveAsync(client, id, DefinitionJson.Valid(id, "mine"), openedEtag, HttpStatusCode.Conflict);

        Assert.Equal(409, problem!["status"]!.GetValue<int>());
        Assert.Contains("changed by someone else", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync());
        Assert.Equal(theirs["etag"]!.GetValue<string>(), (await GetAsync(client, $"/api/definitions/{id}"))["etag"]!.GetValue<string>());

        await SaveAsync(client, id, DefinitionJson.Valid(id, "mine"), theirs["etag"]!.GetValue<string>(), HttpStatusCode.OK);
        var overwritten = (await SaveAsync(client, id, DefinitionJson.Valid(id, "overwrite"), null, HttpStatusCode.OK))!;
        Assert.Equal("overwrite", overwritten["definition"]!["root"]!["activities"]![1]!["text"]!["expression"]!["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task Publishing_keeps_the_etag_so_the_designer_can_start_the_next_draft_and_a_new_version_changes_it()
    {
        var id = UniqueId("etag-pub");
        using var client = await LeadAsync();
        var created = await CreateAsync(client, DefinitionJson.Valid(id, "one"));
        var published = (await PostAsync(client, $"/api/definitions/{id}/publish", null, HttpStatusCode.OK))!;
        Assert.Equal(created["etag"]!.GetValue<string>(), published["etag"]!.GetValue<string>());

        var next = (await SaveAsync(client, id, DefinitionJson.Valid(id, "two"), published["etag"]!.GetValue<string>(), HttpStatusCode.OK))!;

        Assert.Equal(2, next["version"]!.GetValue<int>());
        await SaveAsync(client, id, DefinitionJson.Valid(id, "three"), published["etag"]!.GetValue<string>(), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task The_list_filters_by_status_and_sorts_by_last_change()
    {
        var tag = UniqueId("Sorting");
        var (draft, published, retired) = (UniqueId("st-draft"), UniqueId("st-pub"), UniqueId("st-ret"));
        using var client = await LeadAsync();
        await CreateAsync(client, DefinitionJson.Valid(retired, name: $"{tag} c"));
        await PostAsync(client, $"/api/definitions/{retired}/publish", null, HttpStatusCode.OK);
        await PostAsync(client, $"/api/definitions/{retired}/retire", null, HttpStatusCode.OK);
        await CreateAsync(client, DefinitionJson.Valid(published, name: $"{tag} b"));
        await PostAsync(client, $"/api/definitions/{published}/publish", null, HttpStatusCode.OK);
        await CreateAsync(client, DefinitionJson.Valid(draft, name: $"{tag} a"));

        async Task<string[]> Ids(string query) =>
            [.. (await GetAsync(client, $"/api/definitions?search={tag}&{query}"))["items"]!.AsArray().Select(d => d!["definitionId"]!.GetValue<string>())];

        Assert.Equal([draft], await Ids("status=draft"));
        Assert.Equal([published], await Ids("status=published"));
        Assert.Equal([retired], await Ids("status=retired"));
        Assert.Equal([draft, published, retired], await Ids("sort=-updated"));
        Assert.Equal([retired, published, draft], await Ids("sort=-name"));
        var item = (await GetAsync(client, $"/api/definitions?search={tag}&status=retired"))["items"]![0]!;
        Assert.True(item["everPublished"]!.GetValue<bool>());
        Assert.False(string.IsNullOrEmpty(item["createdBy"]!.GetValue<string>()));
        var problem = await SendAsync(client, HttpMethod.Get, "/api/definitions?status=old&sort=size", null, HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["sort", "status"], ErrorKeys(problem).Order(StringComparer.Ordinal));
    }

    private static Task<JsonNode?> SaveAsync(HttpClient client, string id, JsonNode definition, string? ifMatch, HttpStatusCode expected)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/definitions/{id}") { Content = Json(definition) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return SendRequestAsync(client, request, expected);
    }

    private static async Task<JsonNode?> SendRequestAsync(HttpClient client, HttpRequestMessage request, HttpStatusCode expected)
    {
        using (request)
        {
            using var response = await client.SendAsync(request, Cancel);
            var text = await response.Content.ReadAsStringAsync(Cancel);
            Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {text}");
            return text.Length == 0 ? null : JsonNode.Parse(text);
        }
    }
}

public sealed class SqliteDefinitionDraftConflictTests(SqliteApp app) : DefinitionDraftConflictTests(app), IClassFixture<SqliteApp>;

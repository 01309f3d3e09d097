using System.Net;
using System.Text.Json.Nodes;
using CareFlows.Server.Tests.TestSupport;

namespace CareFlows.Server.Tests.Features.Definitions;

public abstract class DefinitionLifecycleTests(CareFlowsApp app) : DefinitionApiTests(app)
{
    [Fact]
    public async Task A_draft_is_created_edited_published_superseded_deleted_reverted_and_republished()
    {
        var id = UniqueId("life");
        using var client = await LeadAsync();

        var created = await CreateAsync(client, DefinitionJson.Valid(id, "one"));
        Assert.Equal((1, true, false), Flags(created));
        Assert.Equal(id, created["definition"]!["definitionId"]!.GetValue<string>());
        await PostAsync(client, "/api/definitions", DefinitionJson.Valid(id, "other"), HttpStatusCode.Conflict);

        var edited = (await PutAsync(client, id, DefinitionJson.Valid(id, "two")))!;
        Assert.Equal((1, true, false), Flags(edited));
        Assert.Equal(created["id"]!.GetValue<string>(), edited["id"]!.GetValue<string>());
        Assert.Equal("two", Text(edited));

        var published = (await PostAsync(client, $"/api/definitions/{id}/publish", null, HttpStatusCode.OK))!;
        Assert.Equal((1, true, true), Flags(published));
        Assert.NotNull(published["publishedAt"]);

        var draft = (await PutAsync(client, id, DefinitionJson.Valid(id, "three")))!;
        Assert.Equal((2, true, false), Flags(draft));
        Assert.Equal((2, true, false), Flags(await GetAsync(client, $"/api/definitions/{id}")));
        var first = await GetAsync(client, $"/api/definitions/{id}?version=1");
        Assert.Equal((1, false, true), Flags(first));
        Assert.Equal("two", Text(first));
        Assert.Equal([2, 1], (await GetAsync(client, $"/api/definitions/{id}/versions")).AsArray().Select(v => v!["version"]!.GetValue<int>()));

        await SendAsync(client, HttpMethod.Delete, $"/api/definitions/{id}/draft", null, HttpStatusCode.NoContent);
        Assert.Equal((1, true, true), Flags(await GetAsync(client, $"/api/definitions/{id}")));
        await SendAsync(client, HttpMethod.Delete, $"/api/definitions/{id}/draft", null, HttpStatusCode.Conflict);

        var reverted = (await PostAsync(client, $"/api/definitions/{id}/revert/1", null, HttpStatusCode.Created))!;
        Assert.Equal((2, true, false), Flags(reverted));
        Assert.Equal("two", Text(reverted));
        await PostAsync(client, $"/api/definitions/{id}/revert/1", null, HttpStatusCode.Conflict);

        Assert.Equal((2, true, true), Flags((await PostAsync(client, $"/api/definitions/{id}/publish?version=2", null, HttpStatusCode.OK))!));
        var versions = await VersionsAsync(id);
        Assert.Equal([(1, false, false), (2, true, true)], versions.Select(v => (v.Version, v.IsLatest, v.IsPublished)));
        Assert.Equal((1, false, false), Flags(await GetAsync(client, $"/api/definitions/{id}?version=1"), fromJson: true));
    }

    [Fact]
    public async Task Concurrent_publishes_of_two_versions_leave_exactly_one_published()
    {
        var id = UniqueId("race");
        using var client = await LeadAsync();
        await CreateAsync(client, DefinitionJson.Valid(id, "one"));
        await PostAsync(client, $"/api/definitions/{id}/publish", null, HttpStatusCode.OK);
        await PutAsync(client, id, DefinitionJson.Valid(id, "two"));

        var answers = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => client.PostAsync($"/api/definitions/{id}/publish?version={1 + (i % 2)}", null, Cancel)));

        Assert.All(answers, a => Assert.Contains(a.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.Conflict }));
        Assert.Contains(answers, a => a.StatusCode == HttpStatusCode.OK);
        var versions = await VersionsAsync(id);
        Assert.Single(versions, v => v.IsPublished);
        Assert.All(versions, v => Assert.Equal(v.IsPublished, JsonNode.Parse(v.Json)!["isPublished"]!.GetValue<bool>()));
    }

    [Fact]
    public async Task A_draft_whose_definition_id_differs_from_the_url_is_refused_and_nothing_changes()
    {
        var id = UniqueId("mismatch");
        using var client = await LeadAsync();
        await CreateAsync(client, DefinitionJson.Valid(id));
        var before = await SnapshotAsync();

        var problem = await PutAsync(client, id, DefinitionJson.Valid("someone-else"), HttpStatusCode.UnprocessableEntity);

        Assert.Equal(["$.definitionId"], ErrorKeys(problem));
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task Publishing_an_invalid_draft_lists_every_error_and_changes_nothing()
    {
        var id = UniqueId("invalid");
        using var client = await LeadAsync();
        await CreateAsync(client, DefinitionJson.Invalid(id));
        var before = await SnapshotAsync();

        var problem = await PostAsync(client, $"/api/definitions/{id}/publish", null, HttpStatusCode.UnprocessableEntity);

        Assert.Equal(DefinitionJson.InvalidPaths.Order(StringComparer.Ordinal), ErrorKeys(problem).Order(StringComparer.Ordinal));
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task Malformed_or_unreadable_bodies_are_refused_with_their_json_path_and_nothing_changes()
    {
        var id = UniqueId("malformed");
        using var client = await LeadAsync();
        await CreateAsync(client, DefinitionJson.Valid(id));
        var before = await SnapshotAsync();

        var malformed = await SendAsync(client, HttpMethod.Put, $"/api/definitions/{id}", Json("""{"root": {"type": "Elsa.Flowchart", "activities": [{"id": "a",]}}"""), HttpStatusCode.BadRequest);
        var unreadable = await SendAsync(client, HttpMethod.Post, "/api/definitions", Json("""{"root": {"type": "Elsa.Flowchart", "id": "fc", "activities": [{"id": "a", "type": 7}]}}"""), HttpStatusCode.BadRequest);
        var empty = await SendAsync(client, HttpMethod.Post, "/api/definitions/validate", Json(""), HttpStatusCode.BadRequest);
        var twice = await SendAsync(client, HttpMethod.Post, "/api/definitions/import", Json($$$"""[{"definitionId": "{{{id}}}", "name": "a", "name": "b", "root": {"type": "Elsa.Flowchart", "id": "fc"}}]"""), HttpStatusCode.BadRequest);

        Assert.Equal("$.root.activities[0]", malformed!["jsonPath"]!.GetValue<string>());
        Assert.Equal("$.root.activities[0].type", unreadable!["jsonPath"]!.GetValue<string>());
        Assert.Equal("$", empty!["jsonPath"]!.GetValue<string>());
        Assert.Equal("$[0].name", twice!["jsonPath"]!.GetValue<string>());
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task Unknown_definitions_and_versions_answer_404()
    {
        var known = UniqueId("known");
        using var client = await LeadAsync();
        await CreateAsync(client, DefinitionJson.Valid(known));
        const string Unknown = "no-such-definition";

        foreach (var url in new[] { $"/api/definitions/{Unknown}", $"/api/definitions/{Unknown}/versions", $"/api/definitions/{Unknown}/export", $"/api/definitions/{known}?version=9", $"/api/definitions/{known}/export?version=9" })
        {
            await SendAsync(client, HttpMethod.Get, url, null, HttpStatusCode.NotFound);
        }

        await PutAsync(client, Unknown, DefinitionJson.Valid(Unknown), HttpStatusCode.NotFound);
        foreach (var url in new[] { $"/api/definitions/{Unknown}/validate", $"/api/definitions/{Unknown}/publish", $"/api/definitions/{known}/publish?version=9", $"/api/definitions/{Unknown}/revert/1", $"/api/definitions/{known}/revert/9" })
        {
            await PostAsync(client, url, null, HttpStatusCode.NotFound);
        }

        var problem = await SendAsync(client, HttpMethod.Delete, $"/api/definitions/{Unknown}/draft", null, HttpStatusCode.NotFound);
        Assert.Equal(404, problem!["status"]!.GetValue<int>());
    }

    [Fact]
    public async Task The_list_pages_through_the_latest_versions_and_searches_names()
    {
        var tag = UniqueId("Listing");
        var ids = new[] { UniqueId("list-a"), UniqueId("list-b"), UniqueId("list-c") };
        using var client = await LeadAsync();
        for (var i = 0; i < ids.Length; i++)
        {
            await CreateAsync(client, DefinitionJson.Valid(ids[i], "x", name: $"{tag} {i}"));
        }

        await PostAsync(client, $"/api/definitions/{ids[0]}/publish", null, HttpStatusCode.OK);
        await PutAsync(client, ids[0], DefinitionJson.Valid(ids[0], "y", name: $"{tag} 0"));

        var page1 = await GetAsync(client, $"/api/definitions?search={tag.ToLowerInvariant()}&pageSize=2");
        var page2 = await GetAsync(client, $"/api/definitions?search={tag}&page=2&pageSize=2");

        Assert.Equal(3, page1["total"]!.GetValue<int>());
        Assert.Equal(ids, page1["items"]!.AsArray().Concat(page2["items"]!.AsArray()).Select(d => d!["definitionId"]!.GetValue<string>()));
        var first = page1["items"]![0]!;
        Assert.Equal((2, 1, false), (first["latestVersion"]!.GetValue<int>(), first["publishedVersion"]!.GetValue<int>(), first["isPublished"]!.GetValue<bool>()));
        Assert.Null(page1["items"]![1]!["publishedVersion"]);
        var problem = await SendAsync(client, HttpMethod.Get, "/api/definitions?page=0&pageSize=1000", null, HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["page", "pageSize"], ErrorKeys(problem).Order(StringComparer.Ordinal));
        var overflow = await SendAsync(client, HttpMethod.Get, $"/api/definitions?page={int.MaxValue}", null, HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["page"], ErrorKeys(overflow));
    }

    [Fact]
    public async Task Validating_a_body_reports_every_problem_with_its_path_without_storing_it()
    {
        var id = UniqueId("validate");
        using var client = await LeadAsync();

        var invalid = (await PostAsync(client, "/api/definitions/validate", DefinitionJson.Invalid(id), HttpStatusCode.OK))!;
        var valid = (await PostAsync(client, "/api/definitions/validate", DefinitionJson.Valid(id), HttpStatusCode.OK))!;

        Assert.Equal((false, false), (invalid["isValid"]!.GetValue<bool>(), invalid["canRun"]!.GetValue<bool>()));
        var problems = invalid["problems"]!.AsArray();
        Assert.Equal(DefinitionJson.InvalidPaths, problems.Where(p => p!["severity"]!.GetValue<string>() == "Error").Select(p => p!["path"]!.GetValue<string>()));
        Assert.All(problems, p => Assert.False(string.IsNullOrEmpty(p!["code"]!.GetValue<string>()) || string.IsNullOrEmpty(p["message"]!.GetValue<string>())));
        Assert.Equal((true, true), (valid["isValid"]!.GetValue<bool>(), valid["canRun"]!.GetValue<bool>()));
        Assert.Empty(await VersionsAsync(id));
    }

    [Fact]
    public async Task The_activity_descriptors_describe_the_designers_toolbox()
    {
        using var client = await LeadAsync();

        var activities = (await GetAsync(client, "/api/activities")).AsArray().ToDictionary(a => a!["typeName"]!.GetValue<string>());

        var writeLine = activities["Elsa.WriteLine"]!;
        var text = Assert.Single(writeLine["inputs"]!.AsArray(), i => i!["name"]!.GetValue<string>() == "text")!;
        Assert.Equal("String", text["typeName"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(text["uiHint"]!.GetValue<string>()));
        Assert.False(string.IsNullOrEmpty(writeLine["category"]!.GetValue<string>()));
        Assert.Equal(["Done"], writeLine["outcomes"]!.AsArray().Select(o => o!.GetValue<string>()));
        Assert.Equal(["True", "False"], activities["Elsa.FlowDecision"]!["outcomes"]!.AsArray().Select(o => o!.GetValue<string>()));
        Assert.True(activities["Elsa.Event"]!["isTrigger"]!.GetValue<bool>());
        Assert.False(writeLine["isTrigger"]!.GetValue<bool>());
        var delay = Assert.Single(activities["Elsa.Delay"]!["inputs"]!.AsArray(), i => i!["typeName"]!.GetValue<string>() == "TimeSpan")!;
        Assert.Equal("00:01:00", delay["defaultValue"]!.GetValue<string>());
        Assert.Contains("CareFlows.HumanTask", activities.Keys);
    }

    [Fact]
    public async Task The_activity_descriptors_list_the_structures_activities_read_themselves()
    {
        using var client = await LeadAsync();

        var activities = (await GetAsync(client, "/api/activities")).AsArray().ToDictionary(a => a!["typeName"]!.GetValue<string>());

        static JsonNode Input(JsonNode activity, string name) => Assert.Single(activity["inputs"]!.AsArray(), i => i!["name"]!.GetValue<string>() == name)!;
        var variable = Input(activities["Elsa.SetVariable"]!, "variable");
        var cases = Input(activities["Elsa.FlowSwitch"]!, "cases");
        Assert.Equal(("Variable", "variable-picker", true), (variable["typeName"]!.GetValue<string>(), variable["uiHint"]!.GetValue<string>(), variable["required"]!.GetValue<bool>()));
        Assert.Equal(("FlowSwitchCase[]", "flow-switch-editor", false), (cases["typeName"]!.GetValue<string>(), cases["uiHint"]!.GetValue<string>(), cases["required"]!.GetValue<bool>()));
        Assert.All([variable, cases], i => Assert.False(string.IsNullOrWhiteSpace(i["description"]!.GetValue<string>())));
        Assert.Equal("cases", activities["Elsa.FlowSwitch"]!["dynamicOutcomesInput"]!.GetValue<string>());
    }

    private static (int Version, bool IsLatest, bool IsPublished) Flags(JsonNode response, bool fromJson = false)
    {
        var source = fromJson ? response["definition"]! : response;
        return (source["version"]!.GetValue<int>(), source["isLatest"]!.GetValue<bool>(), source["isPublished"]!.GetValue<bool>());
    }

    private static string Text(JsonNode response) =>
        response["definition"]!["root"]!["activities"]!.AsArray().Single(a => a!["id"]!.GetValue<string>() == "say")!["text"]!["expression"]!["value"]!.GetValue<string>();
}

public sealed class SqliteDefinitionLifecycleTests(SqliteApp app) : DefinitionLifecycleTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresDefinitionLifecycleTests(PostgresApp app) : DefinitionLifecycleTests(app), IClassFixture<PostgresApp>;

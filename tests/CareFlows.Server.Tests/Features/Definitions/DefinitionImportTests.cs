using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using CareFlows.Engine.Definitions.Serialization;
using CareFlows.Server.Features.Definitions;
using CareFlows.Server.Tests.TestSupport;

namespace CareFlows.Server.Tests.Features.Definitions;

public abstract class DefinitionImportTests(CareFlowsApp app) : DefinitionApiTests(app)
{
    private static readonly string CompatFolder = Path.Combine(AppContext.BaseDirectory, "ElsaCompat");

    public static TheoryData<string> CompatFiles => [.. Directory.EnumerateFiles(CompatFolder, "*.json").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(CompatFiles))]
    public async Task An_elsa_file_imports_and_exports_back_unchanged_apart_from_the_version_fields(string fileName)
    {
        var bytes = await File.ReadAllBytesAsync(Path.Combine(CompatFolder, fileName), Cancel);
        using var client = await LeadAsync();

        var imported = Assert.Single((await ImportAsync(client, bytes)).AsArray())!;
        var definitionId = imported["definitionId"]!.GetValue<string>();
        using var export = await client.GetAsync($"/api/definitions/{definitionId}/export", Cancel);

        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("application/json", export.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", export.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal($"{definitionId}.json", export.Content.Headers.ContentDisposition.FileNameStar ?? export.Content.Headers.ContentDisposition.FileName);
        var exportedText = await export.Content.ReadAsStringAsync(Cancel);
        Assert.Equal(Assert.Single(await VersionsAsync(definitionId)).Json, exportedText);
        var original = WorkflowDefinitionReader.Parse(bytes)!.AsObject();
        var exported = JsonNode.Parse(exportedText)!.AsObject();
        Assert.Equal(original["definitionId"]?.GetValue<string>() ?? original["id"]!.GetValue<string>(), exported["definitionId"]!.GetValue<string>());
        Assert.Equal(1, exported["version"]!.GetValue<int>());
        if (original["createdAt"] is { } createdAt)
        {
            Assert.Equal(createdAt.GetValue<string>(), exported["createdAt"]!.GetValue<string>());
        }

        foreach (var field in DefinitionStore.StoreFields)
        {
            original.Remove(field);
            exported.Remove(field);
        }

        Assert.True(JsonNode.DeepEquals(original, exported), $"{fileName} changed on the way through the store:\n{exported}");
    }

    [Fact]
    public async Task Importing_the_same_definition_twice_adds_no_version()
    {
        var definitionId = UniqueId("twice");
        using var client = await LeadAsync();

        var first = Assert.Single((await ImportAsync(client, DefinitionJson.Valid(definitionId))).AsArray())!;
        var second = Assert.Single((await ImportAsync(client, DefinitionJson.Valid(definitionId))).AsArray())!;

        Assert.True(first["created"]!.GetValue<bool>());
        Assert.False(second["created"]!.GetValue<bool>());
        Assert.Equal((1, 1), (first["version"]!.GetValue<int>(), second["version"]!.GetValue<int>()));
        Assert.Single(await VersionsAsync(definitionId));
    }

    [Fact]
    public async Task An_array_imports_every_definition_in_order_and_a_changed_one_becomes_the_next_version()
    {
        var (a, b) = (UniqueId("array-a"), UniqueId("array-b"));
        using var client = await LeadAsync();

        var results = (await ImportAsync(client, new JsonArray(DefinitionJson.Valid(a), DefinitionJson.Valid(b), DefinitionJson.Valid(a, "changed")), publish: true)).AsArray();

        Assert.Equal([(a, 1), (b, 1), (a, 2)], results.Select(r => (r!["definitionId"]!.GetValue<string>(), r["version"]!.GetValue<int>())));
        Assert.All(results, r => Assert.True(r!["created"]!.GetValue<bool>()));
        var versions = await VersionsAsync(a);
        Assert.Equal([false, true], versions.Select(v => v.IsPublished));
        Assert.Equal([false, true], versions.Select(v => v.IsLatest));
    }

    [Fact]
    public async Task An_array_with_one_unreadable_element_is_refused_with_that_elements_path_and_nothing_is_stored()
    {
        var (good, bad) = (UniqueId("array-good"), UniqueId("array-bad"));
        var broken = JsonNode.Parse($$$"""{"definitionId": "{{{bad}}}", "root": {"id": "fc", "type": "Elsa.Flowchart", "activities": [{"id": "a"}]}}""");
        using var client = await LeadAsync();
        var before = await SnapshotAsync();

        var problem = await PostAsync(client, "/api/definitions/import?publish=true", new JsonArray(DefinitionJson.Valid(good), broken), HttpStatusCode.BadRequest);

        Assert.Equal("$[1].root.activities[0].type", problem!["jsonPath"]!.GetValue<string>());
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task Malformed_json_in_an_array_is_refused_with_the_path_where_it_breaks()
    {
        var good = UniqueId("malformed-good");
        var text = $$$"""[{{{DefinitionJson.Valid(good).ToJsonString()}}}, {"definitionId": "x", "root": {"type": }}]""";
        using var client = await LeadAsync();

        var problem = await SendAsync(client, HttpMethod.Post, "/api/definitions/import", Json(text), HttpStatusCode.BadRequest);

        Assert.Equal("$[1].root.type", problem!["jsonPath"]!.GetValue<string>());
        Assert.Empty(await VersionsAsync(good));
    }

    [Fact]
    public async Task Publishing_an_import_with_invalid_definitions_lists_every_error_of_every_definition_and_stores_nothing()
    {
        var (valid, invalid, alsoInvalid) = (UniqueId("pub-valid"), UniqueId("pub-invalid"), UniqueId("pub-invalid"));
        using var client = await LeadAsync();
        var before = await SnapshotAsync();

        var problem = await PostAsync(
            client,
            "/api/definitions/import?publish=true",
            new JsonArray(DefinitionJson.Valid(valid), DefinitionJson.Invalid(invalid), DefinitionJson.Invalid(alsoInvalid)),
            HttpStatusCode.UnprocessableEntity);

        var expected = DefinitionJson.InvalidPaths.Select(p => "$[1]" + p[1..]).Concat(DefinitionJson.InvalidPaths.Select(p => "$[2]" + p[1..]));
        Assert.Equal(expected.Order(StringComparer.Ordinal), ErrorKeys(problem).Order(StringComparer.Ordinal));
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task A_definition_that_cannot_run_still_imports_as_a_draft_and_its_validation_says_why()
    {
        var definitionId = UniqueId("draft-invalid");
        using var client = await LeadAsync();

        var imported = Assert.Single((await ImportAsync(client, DefinitionJson.Invalid(definitionId))).AsArray())!;
        var report = (await PostAsync(client, $"/api/definitions/{definitionId}/validate", null, HttpStatusCode.OK))!;

        Assert.False(imported["isPublished"]!.GetValue<bool>());
        Assert.False(report["isValid"]!.GetValue<bool>());
        Assert.False(report["canRun"]!.GetValue<bool>());
        Assert.Equal(DefinitionJson.InvalidPaths, report["problems"]!.AsArray().Where(p => p!["severity"]!.GetValue<string>() == "Error").Select(p => p!["path"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Several_files_import_from_a_multipart_form()
    {
        var (a, b) = (UniqueId("file-a"), UniqueId("file-b"));
        using var client = await LeadAsync();
        using var form = Files((a + ".json", DefinitionJson.Valid(a).ToJsonString()), (b + ".json", DefinitionJson.Valid(b).ToJsonString()));

        var results = (await SendAsync(client, HttpMethod.Post, "/api/definitions/import?publish=true", form, HttpStatusCode.OK))!["definitions"]!.AsArray();

        Assert.Equal([a, b], results.Select(r => r!["definitionId"]!.GetValue<string>()));
        Assert.All(results, r => Assert.True(r!["isPublished"]!.GetValue<bool>()));
    }

    [Fact]
    public async Task A_malformed_file_in_a_multipart_form_is_named_with_its_path_and_nothing_is_stored()
    {
        var good = UniqueId("file-good");
        using var client = await LeadAsync();
        using var form = Files(("good.json", DefinitionJson.Valid(good).ToJsonString()), ("broken.json", """{"definitionId": "x", "root": {"type": ]}"""));

        var problem = await SendAsync(client, HttpMethod.Post, "/api/definitions/import", form, HttpStatusCode.BadRequest);

        Assert.Equal("$[1].root.type", problem!["jsonPath"]!.GetValue<string>());
        Assert.Contains("broken.json", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(await VersionsAsync(good));
    }

    [Fact]
    public async Task An_empty_import_is_refused()
    {
        using var client = await LeadAsync();

        var problem = await PostAsync(client, "/api/definitions/import", new JsonArray(), HttpStatusCode.UnprocessableEntity);

        Assert.Equal(["$"], ErrorKeys(problem));
    }

    private static async Task<JsonNode> ImportAsync(HttpClient client, byte[] body) =>
        (await SendAsync(client, HttpMethod.Post, "/api/definitions/import", Json(body), HttpStatusCode.OK))!["definitions"]!;

    private static MultipartFormDataContent Files(params (string Name, string Json)[] files)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, json) in files)
        {
            var file = new StringContent(json);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            form.Add(file, "files", name);
        }

        return form;
    }
}

public sealed class SqliteDefinitionImportTests(SqliteApp app) : DefinitionImportTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresDefinitionImportTests(PostgresApp app) : DefinitionImportTests(app), IClassFixture<PostgresApp>;

using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using CareFlows.Server.Tests.TestSupport;

namespace CareFlows.Server.Tests.Infrastructure;

public sealed class ApiReferenceTests(SqliteApp app) : AppTests(app), IClassFixture<SqliteApp>
{
    [Fact]
    public async Task The_OpenAPI_document_describes_the_API_to_anyone()
    {
        using var client = App.CreateClient();

        var document = await client.GetFromJsonAsync<JsonObject>("/openapi/v1.json", TestContext.Current.CancellationToken);

        Assert.StartsWith("3.", document!["openapi"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.NotNull(document["paths"]!["/api/auth/login"]);
    }

    [Fact]
    public async Task The_document_declares_bearer_and_cookie_sign_in_and_which_operations_need_it()
    {
        var document = await DocumentAsync();

        var schemes = document["components"]!["securitySchemes"]!;
        Assert.Equal("http", schemes["Bearer"]!["type"]!.GetValue<string>());
        Assert.Equal("bearer", schemes["Bearer"]!["scheme"]!.GetValue<string>());
        Assert.Equal("apiKey", schemes["Cookie"]!["type"]!.GetValue<string>());
        Assert.Equal("cookie", schemes["Cookie"]!["in"]!.GetValue<string>());
        Assert.Null(document["paths"]!["/api/auth/login"]!["post"]!["security"]);
        Assert.Null(document["paths"]!["/health"]!["get"]!["security"]);
        var me = document["paths"]!["/api/auth/me"]!["get"]!["security"]!.AsArray();
        Assert.Equal(["Bearer", "Cookie"], me.Select(r => Assert.Single(r!.AsObject()).Key));
        Assert.NotNull(document["paths"]!["/api/definitions"]!["get"]!["security"]);
    }

    [Fact]
    public async Task Definition_bodies_and_sign_in_answers_have_real_schemas()
    {
        var document = await DocumentAsync();
        var paths = document["paths"]!;
        var schemas = document["components"]!["schemas"]!;

        Assert.Equal(Ref("ElsaWorkflowDefinition"), paths["/api/definitions"]!["post"]!["requestBody"]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>());
        var import = paths["/api/definitions/import"]!["post"]!["requestBody"]!["content"]!;
        Assert.Equal(2, import["application/json"]!["schema"]!["oneOf"]!.AsArray().Count);
        Assert.NotNull(import["multipart/form-data"]!["schema"]!["properties"]!["files"]);
        Assert.Equal(Ref("ElsaWorkflowDefinition"), paths["/api/definitions/{definitionId}/export"]!["get"]!["responses"]!["200"]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>());
        Assert.Equal(Ref("ElsaWorkflowDefinition"), schemas["DefinitionResponse"]!["properties"]!["definition"]!["$ref"]!.GetValue<string>());
        var definition = schemas["ElsaWorkflowDefinition"]!["properties"]!;
        foreach (var member in new[] { "definitionId", "name", "version", "variables", "root" })
        {
            Assert.NotNull(definition[member]);
        }

        var flowchart = schemas["ElsaFlowchart"]!["properties"]!;
        Assert.NotNull(flowchart["activities"]);
        Assert.NotNull(flowchart["connections"]);
        var token = paths["/api/auth/login"]!["post"]!["responses"]!["200"]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>();
        Assert.NotNull(schemas[token.Split('/')[^1]]!["properties"]!["accessToken"]);
    }

    private static string Ref(string schema) => $"#/components/schemas/{schema}";

    private async Task<JsonObject> DocumentAsync()
    {
        using var client = App.CreateClient();
        return (await client.GetFromJsonAsync<JsonObject>("/openapi/v1.json", TestContext.Current.CancellationToken))!;
    }

    [Fact]
    public async Task The_interactive_reference_page_is_served_to_anyone()
    {
        using var client = App.CreateClient();

        var page = await client.GetAsync("/scalar/v1", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Malformed_JSON_is_a_400_problem_naming_the_JSON_path()
    {
        using var client = App.CreateClient();
        using var body = new StringContent("""{"email": "a@b.c", "password": [1, }""", Encoding.UTF8, "application/json");

        var response = await client.PostAsync("/api/auth/login", body, TestContext.Current.CancellationToken);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("$.password", problem!["jsonPath"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_body_over_the_size_limit_is_a_413_problem()
    {
        using var client = App.CreateClient();
        using var body = new StringContent(new string(' ', 5 * 1024 * 1024), Encoding.UTF8, "application/json");

        var response = await client.PostAsync("/api/auth/login", body, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using CareFlows.Server.Tests.TestSupport;

namespace CareFlows.Server.Tests.Infrastructure;

public sealed class ApiReferenceTests(SqliteApp app) : AppTests(app), IClassFixture<SqliteApp>
{
    [Fact]
    public async Task The_OpenAPI_document_describes_the_API()
    {
        using var client = await App.ClientAsync();

        var document = await client.GetFromJsonAsync<JsonObject>("/openapi/v1.json", TestContext.Current.CancellationToken);

        Assert.StartsWith("3.", document!["openapi"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.NotNull(document["paths"]!["/api/auth/login"]);
    }

    [Fact]
    public async Task The_interactive_reference_page_is_served()
    {
        using var client = await App.ClientAsync();

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

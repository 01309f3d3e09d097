using System.Net;
using CareFlows.Server.Tests.TestSupport;

namespace CareFlows.Server.Tests.Infrastructure;

public sealed class WebAppHostingTests(SqliteApp app) : AppTests(app), IClassFixture<SqliteApp>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/")]
    [InlineData("/inbox")]
    [InlineData("/definitions/discharge-follow-up")]
    [InlineData("/tasks/123")]
    public async Task Every_page_address_opens_the_web_app_without_signing_in_first(string path)
    {
        using var client = App.CreateClient();

        using var response = await client.GetAsync(path, Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<div id=\"root\">", await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Equal("no-cache", response.Headers.CacheControl?.ToString());
    }

    [Theory]
    [InlineData("/api/no-such-thing")]
    [InlineData("/fhir/NoSuchResource")]
    public async Task An_unknown_api_address_is_a_404_problem_never_the_web_app(string path)
    {
        using var client = await App.ClientAsync();

        using var response = await client.GetAsync(path, Cancel);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.NotEqual("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_change_sent_to_a_page_address_is_not_answered_with_the_app()
    {
        using var client = App.CreateClient();

        using var response = await client.PostAsync("/inbox", content: null, Cancel);

        Assert.False(response.IsSuccessStatusCode);
        Assert.NotEqual("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_file_that_is_not_there_is_a_404_not_the_app()
    {
        using var client = App.CreateClient();

        using var response = await client.GetAsync("/assets/index-of-an-older-build.js", Cancel);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_app_s_hashed_assets_are_cached_for_a_year()
    {
        using var client = App.CreateClient();
        var page = await client.GetStringAsync("/", Cancel);
        var script = System.Text.RegularExpressions.Regex.Match(page, "src=\"(/assets/[^\"]+\\.js)\"").Groups[1].Value;

        using var response = await client.GetAsync(script, Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl?.ToString());
    }
}

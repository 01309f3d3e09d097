using System.Net.Http.Json;
using System.Text.RegularExpressions;
using CareFlows.Server.Auth;
using CareFlows.Server.Infrastructure;
using CareFlows.Server.Tests.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CareFlows.Server.Tests.Infrastructure;

public sealed partial class SecurityHeadersTests(SqliteApp app) : AppTests(app), IClassFixture<SqliteApp>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/health")]
    [InlineData("/api/auth/me")]
    [InlineData("/api/definitions/no-such-definition")]
    [InlineData("/openapi/v1.json")]
    [InlineData("/inbox")]
    public async Task Every_response_forbids_sniffing_referrers_and_framing_and_carries_the_content_security_policy(string path)
    {
        using var client = path.Contains("definitions", StringComparison.Ordinal) ? await App.ClientAsync() : App.CreateClient();

        using var response = await client.GetAsync(path, Cancel);

        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, Header(response, "Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", SecurityHeaders.ContentSecurityPolicy, StringComparison.Ordinal);
        Assert.StartsWith("default-src 'self'", SecurityHeaders.ContentSecurityPolicy, StringComparison.Ordinal);
    }

    [Fact]
    public void The_web_apps_policy_runs_only_this_servers_script_files()
    {
        Assert.Equal("script-src 'self'", ScriptSources(SecurityHeaders.ContentSecurityPolicy).Trim());
        Assert.Contains("object-src 'none'", SecurityHeaders.ContentSecurityPolicy, StringComparison.Ordinal);
        Assert.Contains("base-uri 'self'", SecurityHeaders.ContentSecurityPolicy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_in_and_every_api_answer_are_not_stored_by_caches()
    {
        using var anonymous = App.CreateClient();
        using var client = await App.ClientAsync();

        using var signIn = await anonymous.PostAsJsonAsync("/api/auth/login", new LoginRequest("admin@careflows.local", DemoSignIn.Password), Cancel);
        using var refused = await anonymous.PostAsJsonAsync("/api/auth/login", new LoginRequest("admin@careflows.local", "wrong"), Cancel);
        using var instances = await client.GetAsync("/api/instances", Cancel);
        using var notFound = await client.GetAsync("/api/instances/no-such-instance", Cancel);

        foreach (var response in new[] { signIn, refused, instances, notFound })
        {
            Assert.Contains("no-store", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Over_HTTPS_responses_carry_HSTS_and_over_HTTP_they_do_not()
    {
        using var https = App.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://careflows.test") });
        using var http = App.CreateClient();

        using var secure = await https.GetAsync("/health", Cancel);
        using var plain = await http.GetAsync("/health", Cancel);

        Assert.Equal(SecurityHeaders.StrictTransportSecurity, Header(secure, "Strict-Transport-Security"));
        Assert.False(plain.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task The_reference_page_allows_exactly_its_own_scripts_by_a_fresh_nonce()
    {
        using var client = App.CreateClient();

        using var first = await client.GetAsync("/scalar/v1", Cancel);
        using var second = await client.GetAsync("/scalar/v1", Cancel);

        var html = await first.Content.ReadAsStringAsync(Cancel);
        var nonce = Assert.Single(Nonce().Matches(Header(first, "Content-Security-Policy"))).Groups[1].Value;
        var scripts = ScriptTag().Matches(html);
        Assert.NotEmpty(scripts);
        Assert.All(scripts, tag => Assert.Contains($"nonce=\"{nonce}\"", tag.Value, StringComparison.Ordinal));
        Assert.DoesNotContain("'unsafe-inline'", ScriptSources(Header(first, "Content-Security-Policy")), StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", Header(first, "Content-Security-Policy"), StringComparison.Ordinal);
        Assert.NotEqual(nonce, Nonce().Match(Header(second, "Content-Security-Policy")).Groups[1].Value);
    }

    private static string ScriptSources(string policy) => policy.Split(';').Single(d => d.Trim().StartsWith("script-src", StringComparison.Ordinal));

    private static string Header(HttpResponseMessage response, string name) =>
        string.Join(", ", response.Headers.TryGetValues(name, out var values) ? values : response.Content.Headers.GetValues(name));

    [GeneratedRegex("'nonce-([^']+)'")]
    private static partial Regex Nonce();

    [GeneratedRegex("<script[^>]*>")]
    private static partial Regex ScriptTag();
}

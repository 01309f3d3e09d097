using System.Net;
using System.Text;
using CareFlows.Server.Auth;
using CareFlows.Server.Tests.TestSupport;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace CareFlows.Server.Tests.Auth;

/// <summary>Sign-in attempts are limited per account and per client address: 429 with Retry-After, before any password check.</summary>
public sealed class SignInRateLimitsTests(SignInRateLimitsTests.LimitedApp app) : AppTests(app), IClassFixture<SignInRateLimitsTests.LimitedApp>
{
    private const int PerAccount = 3;
    private const int PerAddress = 6;

    [Fact]
    public async Task Attempts_past_the_account_limit_get_429_with_Retry_After_even_with_the_right_password()
    {
        var email = await App.CreateUserAsync();
        for (var i = 0; i < PerAccount; i++)
        {
            Assert.Equal(StatusCodes.Status401Unauthorized, (await LoginAsync("10.0.1.1", email, "not the password")).Response.StatusCode);
        }

        // From another address, so that only the account's limit applies.
        var refused = await LoginAsync("10.0.1.2", email, TestUsers.Password);

        AssertTooManyRequests(refused);
    }

    [Fact]
    public async Task Attempts_past_the_address_limit_get_429_with_Retry_After_while_other_addresses_go_on()
    {
        for (var i = 0; i < PerAddress; i++)
        {
            Assert.Equal(StatusCodes.Status401Unauthorized, (await LoginAsync("10.0.2.1", $"nobody-{NewKey()}@careflows.test", "x")).Response.StatusCode);
        }

        AssertTooManyRequests(await LoginAsync("10.0.2.1", $"nobody-{NewKey()}@careflows.test", "x"));
        Assert.Equal(StatusCodes.Status401Unauthorized, (await LoginAsync("10.0.2.2", $"nobody-{NewKey()}@careflows.test", "x")).Response.StatusCode);
    }

    [Fact]
    public async Task The_address_limit_counts_an_IPv6_client_by_its_network()
    {
        for (var i = 0; i < PerAddress; i++)
        {
            await LoginAsync($"2001:db8:1:2::{i + 1:x}", $"nobody-{NewKey()}@careflows.test", "x");
        }

        AssertTooManyRequests(await LoginAsync("2001:db8:1:2::ff", $"nobody-{NewKey()}@careflows.test", "x"));
    }

    private static void AssertTooManyRequests(HttpContext refused)
    {
        Assert.Equal(StatusCodes.Status429TooManyRequests, refused.Response.StatusCode);
        Assert.True(int.Parse(refused.Response.Headers.RetryAfter.ToString(), System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.Equal("application/problem+json", refused.Response.ContentType);
    }

    /// <summary>A sign-in from a given client address, which the in-process server otherwise leaves unset.</summary>
    private Task<HttpContext> LoginAsync(string address, string email, string password) => App.Server.SendAsync(context =>
    {
        var body = Encoding.UTF8.GetBytes(System.Text.Json.JsonSerializer.Serialize(new LoginRequest(email, password), HttpJson.Options));
        context.Connection.RemoteIpAddress = IPAddress.Parse(address);
        context.Request.Method = HttpMethods.Post;
        context.Request.Path = "/api/auth/login";
        context.Request.ContentType = "application/json";
        context.Request.ContentLength = body.Length;
        context.Request.Body = new MemoryStream(body);
        context.Features.Set<IHttpRequestBodyDetectionFeature>(new HasBody());
    }, TestContext.Current.CancellationToken);

    private sealed class HasBody : IHttpRequestBodyDetectionFeature
    {
        public bool CanHaveBody => true;
    }

    public sealed class LimitedApp : SqliteApp
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Auth:SignInLimits:PerAccountPermits"] = PerAccount.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Auth:SignInLimits:PerAddressPermits"] = PerAddress.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }
}

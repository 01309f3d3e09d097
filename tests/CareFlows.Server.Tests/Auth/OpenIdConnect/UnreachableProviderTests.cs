using System.Net;
using CareFlows.Server.Auth.OpenIdConnect;
using CareFlows.Server.Tests.TestSupport;

namespace CareFlows.Server.Tests.Auth.OpenIdConnect;

/// <summary>A provider that cannot be reached sends the browser back to the sign-in page to say so, not to an error page.</summary>
public sealed class UnreachableProviderTests(UnreachableProviderApp app) : AppTests(app), IClassFixture<UnreachableProviderApp>
{
    [Fact]
    public async Task Signing_in_through_a_provider_that_cannot_be_reached_returns_to_the_sign_in_page_saying_so()
    {
        using var client = App.CreateClient(new() { AllowAutoRedirect = false });

        using var response = await client.GetAsync("/api/auth/external/oidc?returnUrl=%2Finbox", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/sign-in?error={ExternalSignInErrors.Unavailable}&returnTo=%2Finbox", response.Headers.Location!.OriginalString);
    }
}

/// <summary>Configured with a provider at an address where nothing listens.</summary>
public sealed class UnreachableProviderApp : SqliteApp
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        // Port 9 (discard) on the loopback: refused at once, nothing to wait for.
        ["Auth:OpenIdConnect:Authority"] = "http://127.0.0.1:9",
        ["Auth:OpenIdConnect:RequireHttpsMetadata"] = "false",
        ["Auth:OpenIdConnect:ClientId"] = TestOpenIdProvider.ClientId,
        ["Auth:OpenIdConnect:ClientSecret"] = TestOpenIdProvider.ClientSecret,
        ["Auth:OpenIdConnect:DisplayName"] = OpenIdConnectSettings.DisplayName,
    };
}

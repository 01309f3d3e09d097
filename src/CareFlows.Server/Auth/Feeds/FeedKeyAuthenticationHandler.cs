using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace CareFlows.Server.Auth.Feeds;

/// <summary>
/// Signs in a sending system by the key in its <c>X-Api-Key</c> header. The principal it makes holds the client's
/// name and scopes and no role, so a feed key opens its feed endpoints and no user's.
/// </summary>
public sealed class FeedKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    FeedClientOptions clients)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "CareFlows.FeedKey";

    public const string HeaderName = "X-Api-Key";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(HeaderName, out var values) || values.ToString() is not { Length: > 0 } key)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        var client = clients.Clients.FirstOrDefault(c => Matches(c, hash));
        if (client is null)
        {
            return Task.FromResult(AuthenticateResult.Fail("The key is not a feed client's."));
        }

        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, client.Name), .. client.Scopes.Select(s => new Claim(FeedScopes.ClaimType, s))],
            SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    private static bool Matches(FeedClient client, byte[] hash)
    {
        var expected = client.KeySha256 is { } hex ? Convert.FromHexString(hex)
            : client.Key is { } plain ? SHA256.HashData(Encoding.UTF8.GetBytes(plain))
            : null;
        return expected is not null && CryptographicOperations.FixedTimeEquals(expected, hash);
    }
}

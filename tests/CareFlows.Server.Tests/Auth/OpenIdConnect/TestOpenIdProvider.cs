using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CareFlows.Server.Tests.Auth.OpenIdConnect;

/// <summary>
/// A small OpenID provider on a real Kestrel port: discovery, its RSA key as a JWKS, an authorize endpoint that logs
/// in the identity a test registered (the test plays the person at the provider's login page), and a token endpoint
/// that checks the client, the code, the redirect address and PKCE, and answers with an RS256-signed ID token.
/// </summary>
public sealed class TestOpenIdProvider : IAsyncDisposable
{
    public const string ClientId = "careflows";
    public const string ClientSecret = "careflows-test-secret";

    /// <summary>The query parameter the test adds to the authorize address to say who logs in.</summary>
    public const string LoginParameter = "test_login";

    private readonly RSA _key = RSA.Create(2048);
    private readonly RSA _foreignKey = RSA.Create(2048);
    private readonly ConcurrentDictionary<string, TestLogin> _logins = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IssuedCode> _codes = new(StringComparer.Ordinal);
    private readonly WebApplication _host;

    private TestOpenIdProvider(WebApplication host) => _host = host;

    /// <summary>The issuer, and the authority CareFlows is configured with: http://127.0.0.1:port.</summary>
    public string Issuer { get; private set; } = "";

    /// <summary>How many codes were exchanged for tokens: a refusal before the exchange leaves it unchanged.</summary>
    public int TokensIssued => _tokensIssued;

    private int _tokensIssued;

    public static async Task<TestOpenIdProvider> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var host = builder.Build();
        var provider = new TestOpenIdProvider(host);
        host.MapGet("/.well-known/openid-configuration", provider.Discovery);
        host.MapGet("/jwks", provider.Keys);
        host.MapGet("/authorize", provider.Authorize);
        host.MapPost("/token", provider.TokenAsync);
        await host.StartAsync();
        provider.Issuer = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single().TrimEnd('/');
        return provider;
    }

    /// <summary>Registers who logs in next, and how their token is made; returns the value of <see cref="LoginParameter"/>.</summary>
    public string Register(TestLogin login)
    {
        var id = Guid.NewGuid().ToString("N");
        _logins[id] = login;
        return id;
    }

    private IResult Discovery() => Results.Text(
        $$"""
        {
          "issuer": "{{Issuer}}",
          "authorization_endpoint": "{{Issuer}}/authorize",
          "token_endpoint": "{{Issuer}}/token",
          "jwks_uri": "{{Issuer}}/jwks",
          "response_types_supported": ["code"],
          "response_modes_supported": ["query"],
          "subject_types_supported": ["public"],
          "id_token_signing_alg_values_supported": ["RS256"],
          "code_challenge_methods_supported": ["S256"],
          "scopes_supported": ["openid", "profile", "email"],
          "token_endpoint_auth_methods_supported": ["client_secret_post", "client_secret_basic"]
        }
        """,
        "application/json");

    private IResult Keys()
    {
        var parameters = _key.ExportParameters(includePrivateParameters: false);
        return Results.Json(new
        {
            keys = new[]
            {
                new { kty = "RSA", use = "sig", alg = SecurityAlgorithms.RsaSha256, kid = "provider-key", n = Base64UrlEncoder.Encode(parameters.Modulus), e = Base64UrlEncoder.Encode(parameters.Exponent) },
            },
        });
    }

    /// <summary>The person logs in (as the registered login) and is sent back with a code, or with access_denied when they decline.</summary>
    private IResult Authorize(HttpRequest request)
    {
        var query = request.Query;
        var redirect = query["redirect_uri"].ToString();
        if (query["client_id"] != ClientId || query["response_type"] != "code" || !Uri.IsWellFormedUriString(redirect, UriKind.Absolute))
        {
            return Results.BadRequest("unknown client, response type or redirect address");
        }

        if (!_logins.TryRemove(query[LoginParameter].ToString(), out var login))
        {
            return Results.BadRequest("no such test login");
        }

        var state = Uri.EscapeDataString(query["state"].ToString());
        if (login.Declines)
        {
            return Results.Redirect($"{redirect}?error=access_denied&state={state}");
        }

        var code = Guid.NewGuid().ToString("N");
        _codes[code] = new IssuedCode(login, redirect, query["nonce"].ToString(), query["code_challenge"].ToString());
        return Results.Redirect($"{redirect}?code={code}&state={state}");
    }

    private async Task<IResult> TokenAsync(HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        var (clientId, secret) = ClientOf(request, form);
        if (clientId != ClientId || secret != ClientSecret)
        {
            return Results.Json(new { error = "invalid_client" }, statusCode: StatusCodes.Status401Unauthorized);
        }

        if (form["grant_type"] != "authorization_code" || !_codes.TryRemove(form["code"].ToString(), out var issued)
            || issued.RedirectUri != form["redirect_uri"] || issued.CodeChallenge != Challenge(form["code_verifier"].ToString()))
        {
            return Results.Json(new { error = "invalid_grant" }, statusCode: StatusCodes.Status400BadRequest);
        }

        Interlocked.Increment(ref _tokensIssued);
        return Results.Json(new { access_token = Guid.NewGuid().ToString("N"), token_type = "Bearer", expires_in = 300, id_token = IdToken(issued) });
    }

    private string IdToken(IssuedCode issued)
    {
        var (identity, tamper) = (issued.Login.Identity, issued.Login.Tamper);
        var claims = new Dictionary<string, object>
        {
            ["sub"] = identity.Subject,
            ["nonce"] = tamper == TokenTamper.WrongNonce ? "a-nonce-this-browser-never-sent" : issued.Nonce,
            ["name"] = identity.Name,
            ["roles"] = identity.Roles,
            ["groups"] = identity.Groups,
        };
        if (identity.Email is { } email)
        {
            claims["email"] = email;
        }

        var now = DateTime.UtcNow;
        var key = new RsaSecurityKey(tamper == TokenTamper.ForeignKey ? _foreignKey : _key) { KeyId = "provider-key" };
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = ClientId,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(5),
            Claims = claims,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });
    }

    /// <summary>The client's credentials, from the form (client_secret_post) or the Authorization header (client_secret_basic).</summary>
    private static (string? Id, string? Secret) ClientOf(HttpRequest request, IFormCollection form)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Basic ", StringComparison.Ordinal))
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..])).Split(':', 2);
            return (Uri.UnescapeDataString(pair[0]), Uri.UnescapeDataString(pair[1]));
        }

        return (form["client_id"], form["client_secret"]);
    }

    private static string Challenge(string verifier) => Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        await _host.DisposeAsync();
        _key.Dispose();
        _foreignKey.Dispose();
    }

    private sealed record IssuedCode(TestLogin Login, string RedirectUri, string Nonce, string CodeChallenge);
}

/// <summary>A person at the provider: their subject, email, name, and the roles and groups their ID token carries.</summary>
public sealed record TestIdentity(string Subject, string? Email, string Name, string[] Roles, string[] Groups)
{
    public static TestIdentity New(string[] roles, string[] groups) =>
        New(Guid.NewGuid().ToString("N"), roles, groups);

    public static TestIdentity New(string key, string[] roles, string[] groups) =>
        new($"subject-{key}", $"sso-{key}@hospital.test", $"Person {key[..8]}", roles, groups);
}

/// <summary>One login at the provider: who, and what goes wrong with their token (if anything), or whether they decline.</summary>
public sealed record TestLogin(TestIdentity Identity, TokenTamper Tamper = TokenTamper.None, bool Declines = false);

public enum TokenTamper
{
    None,

    /// <summary>The ID token carries a nonce other than the one the browser's sign-in sent.</summary>
    WrongNonce,

    /// <summary>The ID token is signed with a key the provider does not publish, under the published key's id.</summary>
    ForeignKey,
}

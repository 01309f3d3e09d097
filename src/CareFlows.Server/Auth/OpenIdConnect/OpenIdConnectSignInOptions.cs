using System.Text.RegularExpressions;
using CareFlows.Server.Features.Teams.CreateTeam;

namespace CareFlows.Server.Auth.OpenIdConnect;

/// <summary>
/// Sign-in through the organisation's OpenID Connect provider (configuration section <c>Auth:OpenIdConnect</c>), beside
/// the local accounts; off unless <see cref="Authority"/> is set.
/// </summary>
public sealed partial class OpenIdConnectSignInOptions
{
    public const string Section = "Auth:OpenIdConnect";

    /// <summary>The provider's id in the API (<c>/api/auth/external/oidc</c>), its authentication scheme, and its name in Identity's external logins.</summary>
    public const string ProviderId = "oidc";

    /// <summary>Where the provider sends the browser back: under <c>/api</c>, so that the web app's development server passes it on too.</summary>
    public const string CallbackPath = "/api/auth/external/oidc/callback";

    /// <summary>The scopes asked for when <see cref="Scopes"/> names none.</summary>
    public static readonly IReadOnlyList<string> DefaultScopes = ["openid", "profile", "email"];

    /// <summary>The provider's issuer address, where its discovery document lives; sign-in through it is off while this is empty.</summary>
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    /// <summary>The client's secret, for a provider that registered CareFlows as a confidential client; the code exchange also uses PKCE.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>The provider's name on the sign-in page's button: "Sign in with Hospital SSO".</summary>
    public string DisplayName { get; set; } = "single sign-on";

    /// <summary>The scopes to ask for; setting any replaces <see cref="DefaultScopes"/>, and <c>openid</c> is always asked for.</summary>
    public List<string> Scopes { get; set; } = [];

    /// <summary>The ID token claim that carries the user's roles at the provider.</summary>
    public string RoleClaim { get; set; } = "roles";

    /// <summary>The ID token claim that carries the user's groups at the provider.</summary>
    public string TeamClaim { get; set; } = "groups";

    /// <summary>A value of <see cref="RoleClaim"/> → the CareFlows role it grants; values not listed grant nothing.</summary>
    public Dictionary<string, string> RoleMap { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>A value of <see cref="TeamClaim"/> → the id of the CareFlows team it makes the user a member of; values not listed are ignored.</summary>
    public Dictionary<string, string> TeamMap { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether the discovery document and keys must come over HTTPS; only a development provider may do without.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority);

    /// <summary>The scopes sent with the authorization request.</summary>
    public IReadOnlyList<string> EffectiveScopes => ["openid", .. (Scopes.Count == 0 ? DefaultScopes : Scopes).Where(s => s != "openid").Distinct(StringComparer.Ordinal)];

    /// <summary>The section's settings, refused at start-up with the key at fault named.</summary>
    public static OpenIdConnectSignInOptions From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new OpenIdConnectSignInOptions();
        configuration.GetSection(Section).Bind(options);
        return options.Validated();
    }

    /// <summary>Refuses settings sign-in cannot work with, naming the key at fault; role names are put in their canonical case.</summary>
    public OpenIdConnectSignInOptions Validated()
    {
        if (!Enabled)
        {
            return this;
        }

        if (!Uri.TryCreate(Authority, UriKind.Absolute, out var authority) || (authority.Scheme != Uri.UriSchemeHttps && authority.Scheme != Uri.UriSchemeHttp))
        {
            throw Invalid(nameof(Authority), $"must be the provider's issuer address, such as https://login.example.org/realms/hospital; it is '{Authority}'");
        }

        if (RequireHttpsMetadata && authority.Scheme != Uri.UriSchemeHttps)
        {
            throw Invalid(nameof(Authority), $"must be an https:// address (set {Section}:{nameof(RequireHttpsMetadata)} to false for a development provider only); it is '{Authority}'");
        }

        if (string.IsNullOrWhiteSpace(ClientId))
        {
            throw Invalid(nameof(ClientId), "is required: the client id the provider registered CareFlows under");
        }

        foreach (var (name, value) in new[] { (nameof(DisplayName), DisplayName), (nameof(RoleClaim), RoleClaim), (nameof(TeamClaim), TeamClaim) })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                throw Invalid(name, "must not be empty");
            }
        }

        if (Scopes.FirstOrDefault(s => string.IsNullOrWhiteSpace(s) || s.Any(char.IsWhiteSpace)) is { } scope)
        {
            throw Invalid(nameof(Scopes), $"must list one scope per entry, without spaces; '{scope}' is not one");
        }

        foreach (var (value, role) in RoleMap.ToList())
        {
            RoleMap[value] = Roles.All.FirstOrDefault(r => r.Equals(role.Trim(), StringComparison.OrdinalIgnoreCase))
                ?? throw Invalid($"{nameof(RoleMap)}:{value}", $"must name a CareFlows role ({string.Join(", ", Roles.All)}); it is '{role}'");
        }

        foreach (var (value, team) in TeamMap)
        {
            if (!TeamId().IsMatch(team))
            {
                throw Invalid($"{nameof(TeamMap)}:{value}", $"must be a team's id, such as 'transitions-of-care' (lower-case letters and digits joined by hyphens, as the team's page shows it); it is '{team}'");
            }
        }

        return this;
    }

    private static InvalidOperationException Invalid(string key, string problem) => new($"{Section}:{key} {problem}.");

    [GeneratedRegex(TeamSlug.Pattern)]
    private static partial Regex TeamId();
}

using System.Net.Mail;
using System.Security.Claims;

namespace CareFlows.Server.Auth.OpenIdConnect;

/// <summary>
/// What the provider's ID token says about the user, read as CareFlows needs it: who they are there (subject), their
/// email and name, and the roles and teams its claims map to. Claim values absent from the maps grant nothing.
/// </summary>
public sealed record ProviderClaims(string Subject, string? Email, string? Name, IReadOnlyList<string> Roles, IReadOnlyList<string> Teams)
{
    /// <summary>Reads the claims under their names in the token (the handler maps none of them to .NET claim types).</summary>
    public static ProviderClaims Read(ClaimsPrincipal principal, OpenIdConnectSignInOptions options)
    {
        ArgumentNullException.ThrowIfNull(principal);
        ArgumentNullException.ThrowIfNull(options);
        var subject = principal.FindFirstValue("sub") ?? throw new InvalidOperationException("The ID token has no subject; the handler checks that it has.");
        return new ProviderClaims(
            subject,
            EmailOf(principal),
            NonEmpty(principal.FindFirstValue("name")),
            Mapped(principal, options.RoleClaim, options.RoleMap),
            Mapped(principal, options.TeamClaim, options.TeamMap));
    }

    /// <summary>The <c>email</c> claim, or else a <c>preferred_username</c> that is an email address (as some directories send it).</summary>
    private static string? EmailOf(ClaimsPrincipal principal) =>
        new[] { principal.FindFirstValue("email"), principal.FindFirstValue("preferred_username") }
            .Select(NonEmpty)
            .FirstOrDefault(IsEmail);

    private static bool IsEmail(string? value) => value is not null && MailAddress.TryCreate(value, out var address) && address.Address == value;

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static List<string> Mapped(ClaimsPrincipal principal, string claim, IReadOnlyDictionary<string, string> map) =>
        [.. principal.FindAll(claim)
            .Select(c => map.GetValueOrDefault(c.Value.Trim()))
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)];
}

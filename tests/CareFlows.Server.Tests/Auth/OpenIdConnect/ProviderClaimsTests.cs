using System.Security.Claims;
using CareFlows.Server.Auth;
using CareFlows.Server.Auth.OpenIdConnect;

namespace CareFlows.Server.Tests.Auth.OpenIdConnect;

public sealed class ProviderClaimsTests
{
    private static readonly OpenIdConnectSignInOptions Options = new OpenIdConnectSignInOptions
    {
        Authority = "https://login.hospital.example",
        ClientId = "careflows",
        RoleClaim = "app_roles",
        TeamClaim = "teams",
        RoleMap = new(StringComparer.OrdinalIgnoreCase) { ["cf-coordinators"] = "coordinator", ["cf-admins"] = Roles.Admin, ["cf-ops"] = Roles.Admin },
        TeamMap = new(StringComparer.OrdinalIgnoreCase) { ["grp-referrals"] = "referrals" },
    }.Validated();

    [Fact]
    public void Roles_and_teams_are_the_mapped_values_of_the_configured_claims_each_once()
    {
        var claims = Read(
            ("sub", "s-1"),
            ("app_roles", "cf-admins"), ("app_roles", "CF-OPS"), ("app_roles", "cf-unknown"), ("roles", "cf-coordinators"),
            ("teams", "grp-referrals"), ("teams", "grp-other"), ("groups", "grp-referrals"));

        Assert.Equal([Roles.Admin], claims.Roles);
        Assert.Equal(["referrals"], claims.Teams);
    }

    [Fact]
    public void No_mapped_value_means_no_role_and_no_team()
    {
        var claims = Read(("sub", "s-1"), ("app_roles", "Admin"), ("teams", "referrals"));

        Assert.Empty(claims.Roles);
        Assert.Empty(claims.Teams);
    }

    [Theory]
    [InlineData("ana@hospital.example", null, "ana@hospital.example")]
    [InlineData(null, "ana@hospital.example", "ana@hospital.example")]
    [InlineData(null, "HOSPITAL\\ana", null)]
    [InlineData("not an address", "ana@hospital.example", "ana@hospital.example")]
    [InlineData(" ", null, null)]
    public void The_email_is_the_email_claim_or_else_a_user_name_that_is_an_address(string? email, string? preferredUserName, string? expected)
    {
        var pairs = new List<(string, string)> { ("sub", "s-1") };
        if (email is not null)
        {
            pairs.Add(("email", email));
        }

        if (preferredUserName is not null)
        {
            pairs.Add(("preferred_username", preferredUserName));
        }

        Assert.Equal(expected, Read([.. pairs]).Email);
    }

    private static ProviderClaims Read(params (string Type, string Value)[] claims) =>
        ProviderClaims.Read(new ClaimsPrincipal(new ClaimsIdentity(claims.Select(c => new Claim(c.Type, c.Value)), "test")), Options);
}

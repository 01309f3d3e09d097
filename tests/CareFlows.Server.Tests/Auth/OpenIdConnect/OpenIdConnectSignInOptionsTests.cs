using CareFlows.Server.Auth;
using CareFlows.Server.Auth.OpenIdConnect;
using CareFlows.Server.Tests.TestSupport;
using Microsoft.Extensions.Configuration;

namespace CareFlows.Server.Tests.Auth.OpenIdConnect;

public sealed class OpenIdConnectSignInOptionsTests
{
    private static readonly Dictionary<string, string?> Valid = new()
    {
        ["Auth:OpenIdConnect:Authority"] = "https://login.hospital.example/realms/staff",
        ["Auth:OpenIdConnect:ClientId"] = "careflows",
    };

    [Fact]
    public void Without_an_authority_sign_in_through_a_provider_is_off_and_nothing_else_is_checked()
    {
        var options = From(new() { ["Auth:OpenIdConnect:ClientId"] = "", ["Auth:OpenIdConnect:RoleMap:x"] = "Nobody" });

        Assert.False(options.Enabled);
    }

    [Fact]
    public void The_defaults_ask_for_openid_profile_and_email_and_read_roles_and_groups()
    {
        var options = From(Valid);

        Assert.True(options.Enabled);
        Assert.Equal(["openid", "profile", "email"], options.EffectiveScopes);
        Assert.Equal(("roles", "groups", true), (options.RoleClaim, options.TeamClaim, options.RequireHttpsMetadata));
    }

    [Fact]
    public void Scopes_set_replace_the_defaults_and_openid_is_always_asked_for()
    {
        var options = From(With(("Scopes:0", "email"), ("Scopes:1", "groups")));

        Assert.Equal(["openid", "email", "groups"], options.EffectiveScopes);
    }

    [Fact]
    public void Role_names_are_matched_whatever_their_case_and_kept_in_their_own()
    {
        var options = From(With(("RoleMap:cf-leads", "clinicallead"), ("RoleMap:CF-Admins", " ADMIN ")));

        Assert.Equal(Roles.ClinicalLead, options.RoleMap["CF-LEADS"]);
        Assert.Equal(Roles.Admin, options.RoleMap["cf-admins"]);
    }

    [Theory]
    [InlineData("Authority", "login.hospital.example", "Auth:OpenIdConnect:Authority must be the provider's issuer address")]
    [InlineData("Authority", "http://login.hospital.example", "Auth:OpenIdConnect:Authority must be an https:// address")]
    [InlineData("ClientId", " ", "Auth:OpenIdConnect:ClientId is required")]
    [InlineData("DisplayName", "", "Auth:OpenIdConnect:DisplayName must not be empty")]
    [InlineData("RoleClaim", " ", "Auth:OpenIdConnect:RoleClaim must not be empty")]
    [InlineData("Scopes:0", "openid profile", "Auth:OpenIdConnect:Scopes must list one scope per entry")]
    [InlineData("RoleMap:cf-nurses", "Nurse", "Auth:OpenIdConnect:RoleMap:cf-nurses must name a CareFlows role (ClinicalLead, Coordinator, Auditor, Admin); it is 'Nurse'.")]
    [InlineData("TeamMap:grp-referrals", "Referrals", "Auth:OpenIdConnect:TeamMap:grp-referrals must be a team's id, such as 'transitions-of-care'")]
    public void A_setting_sign_in_cannot_work_with_stops_the_start_naming_its_key(string key, string value, string message)
    {
        var refused = Assert.Throws<InvalidOperationException>(() => From(With((key, value))));

        Assert.StartsWith(message, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_development_provider_may_serve_its_metadata_over_plain_HTTP_when_told()
    {
        var options = From(With(("Authority", "http://127.0.0.1:5556"), ("RequireHttpsMetadata", "false")));

        Assert.True(options.Enabled);
    }

    [Fact]
    public async Task The_server_does_not_start_with_such_a_setting()
    {
        await using var app = new MisconfiguredApp();

        var refused = Assert.ThrowsAny<Exception>(() => app.Server);

        Assert.Contains("Auth:OpenIdConnect:RoleMap:cf-nurses must name a CareFlows role", Messages(refused), StringComparison.Ordinal);
    }

    private static string Messages(Exception exception) =>
        exception.InnerException is { } inner ? $"{exception.Message} {Messages(inner)}" : exception.Message;

    private static Dictionary<string, string?> With(params (string Key, string Value)[] settings)
    {
        var all = new Dictionary<string, string?>(Valid);
        foreach (var (key, value) in settings)
        {
            all[$"Auth:OpenIdConnect:{key}"] = value;
        }

        return all;
    }

    private static OpenIdConnectSignInOptions From(Dictionary<string, string?> settings) =>
        OpenIdConnectSignInOptions.From(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());

    private sealed class MisconfiguredApp : SqliteApp
    {
        protected override IReadOnlyDictionary<string, string?> Settings => With(("RoleMap:cf-nurses", "Nurse"));
    }
}

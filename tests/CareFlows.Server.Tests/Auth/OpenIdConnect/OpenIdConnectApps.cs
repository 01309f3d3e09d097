using CareFlows.Server.Auth;
using CareFlows.Server.Tests.TestSupport;

namespace CareFlows.Server.Tests.Auth.OpenIdConnect;

/// <summary>The host configured to sign in through a <see cref="TestOpenIdProvider"/> of its own, started before it.</summary>
public interface IOpenIdConnectApp
{
    TestOpenIdProvider OpenIdProvider { get; }
}

/// <summary>The settings a hospital admin would write for the test provider: its groups and roles mapped to CareFlows'.</summary>
public static class OpenIdConnectSettings
{
    public const string DisplayName = "Hospital SSO";

    /// <summary>Mapped to a team nobody created: a sign-in goes on without it.</summary>
    public const string GroupOfNoTeam = "grp-closed-ward";

    public static IReadOnlyDictionary<string, string?> For(TestOpenIdProvider provider) => new Dictionary<string, string?>
    {
        ["Auth:OpenIdConnect:Authority"] = provider.Issuer,
        ["Auth:OpenIdConnect:RequireHttpsMetadata"] = "false",
        ["Auth:OpenIdConnect:ClientId"] = TestOpenIdProvider.ClientId,
        ["Auth:OpenIdConnect:ClientSecret"] = TestOpenIdProvider.ClientSecret,
        ["Auth:OpenIdConnect:DisplayName"] = DisplayName,
        ["Auth:OpenIdConnect:RoleMap:careflows-coordinators"] = Roles.Coordinator,
        ["Auth:OpenIdConnect:RoleMap:careflows-leads"] = "clinicallead",
        ["Auth:OpenIdConnect:RoleMap:careflows-admins"] = Roles.Admin,
        ["Auth:OpenIdConnect:TeamMap:grp-referrals"] = "referrals",
        ["Auth:OpenIdConnect:TeamMap:grp-transitions"] = "transitions-of-care",
        [$"Auth:OpenIdConnect:TeamMap:{GroupOfNoTeam}"] = "closed-ward",
    };
}

public sealed class SqliteOpenIdConnectApp : SqliteApp, IOpenIdConnectApp
{
    public TestOpenIdProvider OpenIdProvider { get; private set; } = null!;

    protected override IReadOnlyDictionary<string, string?> Settings => OpenIdConnectSettings.For(OpenIdProvider);

    public override async ValueTask InitializeAsync()
    {
        OpenIdProvider = await TestOpenIdProvider.StartAsync();
        await base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await OpenIdProvider.DisposeAsync();
    }
}

public sealed class PostgresOpenIdConnectApp : PostgresApp, IOpenIdConnectApp
{
    public TestOpenIdProvider OpenIdProvider { get; private set; } = null!;

    protected override IReadOnlyDictionary<string, string?> Settings => OpenIdConnectSettings.For(OpenIdProvider);

    public override async ValueTask InitializeAsync()
    {
        OpenIdProvider = await TestOpenIdProvider.StartAsync();
        await base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await OpenIdProvider.DisposeAsync();
    }
}

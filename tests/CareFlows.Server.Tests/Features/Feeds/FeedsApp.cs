using CareFlows.Server.Tests.TestSupport;

namespace CareFlows.Server.Tests.Features.Feeds;

/// <summary>The host with the pathways, the MLLP listener on a port of its own, and a feed client that may send nothing but referrals.</summary>
public sealed class FeedsApp : SqliteApp
{
    public const string OtherScopeKey = "payer-gateway-test-key";

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Workflows:Path"] = Path.Combine(AppContext.BaseDirectory, "Pathways"),
        ["Feeds:Mllp:Enabled"] = "true",
        ["Feeds:Mllp:Port"] = "0",
        ["Feeds:Clients:0:Name"] = "Payer gateway",
        ["Feeds:Clients:0:KeySha256"] = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(OtherScopeKey))),
        ["Feeds:Clients:0:Scopes:0"] = "feeds:payer-decisions",
    };
}

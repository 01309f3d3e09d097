using System.Net;
using System.Text.Json.Nodes;
using CareFlows.Server.Auth;
using CareFlows.Server.Tests.TestSupport;

namespace CareFlows.Server.Tests.Features.Audit;

/// <summary>Verifying the audit log over the API: auditors and admins may, nobody else.</summary>
public sealed class AuditEndpointsTests(SqliteApp app) : AppTests(app), IClassFixture<SqliteApp>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(Roles.Auditor)]
    [InlineData(Roles.Admin)]
    public async Task Auditors_and_admins_verify_the_chain(string role)
    {
        using var client = await App.ClientAsync(role);

        using var response = await client.GetAsync("/api/audit/verify", Cancel);
        var result = await response.ReadAsync<JsonObject>(HttpStatusCode.OK);

        Assert.True(result["intact"]!.GetValue<bool>());
        Assert.Null(result["brokenAt"]);
    }

    [Theory]
    [InlineData(Roles.Coordinator, HttpStatusCode.Forbidden)]
    [InlineData(Roles.ClinicalLead, HttpStatusCode.Forbidden)]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    public async Task Nobody_else_does(string? role, HttpStatusCode expected)
    {
        using var client = role is null ? App.CreateClient() : await App.ClientAsync(role);

        using var response = await client.GetAsync("/api/audit/verify", Cancel);

        Assert.Equal(expected, response.StatusCode);
    }
}

using System.Net;
using System.Text.Json.Nodes;
using CareFlows.Server.Auth;
using CareFlows.Server.Tests.TestSupport;

namespace CareFlows.Server.Tests.Features.Definitions;

/// <summary>Who last changed a definition: set by every save, publish, retire and revert, as the acting user's id.</summary>
public abstract class DefinitionLastChangeTests(CareFlowsApp app) : DefinitionApiTests(app)
{
    private static readonly string[] LeadRole = [Roles.ClinicalLead];

    [Fact]
    public async Task A_save_by_a_second_lead_makes_them_the_last_to_change_it_while_the_first_started_it()
    {
        var id = UniqueId("last-change");
        using var admin = await App.ClientAsync();
        var (first, second) = (await AdminApi.CreateUserAsync(admin, LeadRole), await AdminApi.CreateUserAsync(admin, LeadRole));
        using var leadA = await App.SignedInAsync(first);
        using var leadB = await App.SignedInAsync(second);

        var created = await CreateAsync(leadA, DefinitionJson.Valid(id, "one"));
        var saved = (await PutAsync(leadB, id, DefinitionJson.Valid(id, "two")))!;

        Assert.Equal(first.Id(), created["updatedBy"]!.GetValue<string>());
        Assert.Equal(second.Id(), saved["updatedBy"]!.GetValue<string>());
        Assert.Equal(first.Email(), saved["createdBy"]!.GetValue<string>());
        Assert.Equal(second.Id(), (await ListedAsync(leadA, id))["updatedBy"]!.GetValue<string>());
        Assert.Equal(second.Id(), (await GetAsync(leadA, $"/api/definitions/{id}"))["updatedBy"]!.GetValue<string>());
    }

    [Fact]
    public async Task Publish_retire_and_revert_each_record_who_did_it()
    {
        var id = UniqueId("last-change-life");
        using var admin = await App.ClientAsync();
        var lead = await AdminApi.CreateUserAsync(admin, LeadRole);
        using var leadClient = await App.SignedInAsync(lead);
        var adminId = await UserIdAsync(admin);
        await CreateAsync(leadClient, DefinitionJson.Valid(id, "one"));

        var published = (await PostAsync(admin, $"/api/definitions/{id}/publish", null, HttpStatusCode.OK))!;
        Assert.Equal(adminId, published["updatedBy"]!.GetValue<string>());
        var retired = (await PostAsync(leadClient, $"/api/definitions/{id}/retire", null, HttpStatusCode.OK))!;
        Assert.Equal(lead.Id(), retired["updatedBy"]!.GetValue<string>());
        var reverted = (await PostAsync(admin, $"/api/definitions/{id}/revert/1", null, HttpStatusCode.Created))!;
        Assert.Equal(adminId, reverted["updatedBy"]!.GetValue<string>());
        Assert.Equal(adminId, (await ListedAsync(leadClient, id))["updatedBy"]!.GetValue<string>());
    }

    private static async Task<JsonNode> ListedAsync(HttpClient client, string definitionId) =>
        (await GetAsync(client, $"/api/definitions?search={definitionId}"))["items"]!.AsArray().Single(i => i!["definitionId"]!.GetValue<string>() == definitionId)!;

    private static async Task<string> UserIdAsync(HttpClient client) => (await GetAsync(client, "/api/auth/me"))["userId"]!.GetValue<string>();
}

public sealed class SqliteDefinitionLastChangeTests(SqliteApp app) : DefinitionLastChangeTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresDefinitionLastChangeTests(PostgresApp app) : DefinitionLastChangeTests(app), IClassFixture<PostgresApp>;

using System.Net;
using System.Text.Json.Nodes;
using CareFlows.Server.Auth;
using CareFlows.Server.Tests.TestSupport;

namespace CareFlows.Server.Tests.Features.People;

/// <summary>The people directory on the real host: names and teams for every role, and nothing more.</summary>
public abstract class PeopleEndpointsTests(CareFlowsApp app) : AppTests(app)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static readonly string[] PersonMembers = ["active", "displayName", "id", "teams"];

    [Theory]
    [InlineData(Roles.Coordinator)]
    [InlineData(Roles.ClinicalLead)]
    [InlineData(Roles.Auditor)]
    [InlineData(Roles.Admin)]
    public async Task Every_role_reads_the_directory_and_a_person(string role)
    {
        using var admin = await App.ClientAsync();
        var marker = NewKey()[..10];
        var person = await AdminApi.CreateUserAsync(admin, displayName: $"Reader {marker}");
        using var client = await App.ClientAsync(role);

        var page = await ListAsync(client, $"search={marker}");
        using var one = await client.GetAsync($"/api/people/{person.Id()}", Cancel);

        Assert.Equal([person.Id()], page.Ids("items"));
        Assert.Equal($"Reader {marker}", (await one.ReadAsync<JsonObject>(HttpStatusCode.OK))["displayName"]!.GetValue<string>());
    }

    [Fact]
    public async Task Nobody_signed_out_reads_it()
    {
        using var anonymous = App.CreateClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/people", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/people/someone", Cancel)).StatusCode);
    }

    [Fact]
    public async Task A_person_carries_name_teams_and_whether_active_but_no_email_or_roles()
    {
        using var admin = await App.ClientAsync();
        var team = await AdminApi.CreateTeamAsync(admin);
        var person = await AdminApi.CreateUserAsync(admin, [Roles.Coordinator], [team.Id()]);
        using var coordinator = await App.ClientAsync(Roles.Coordinator);

        using var response = await coordinator.GetAsync($"/api/people/{person.Id()}", Cancel);
        var read = await response.ReadAsync<JsonObject>(HttpStatusCode.OK);
        var listed = Assert.Single((await ListAsync(coordinator, $"id={person.Id()}"))["items"]!.AsArray())!.AsObject();

        foreach (var shown in new[] { read, listed })
        {
            Assert.Equal(PersonMembers, shown.Select(m => m.Key).Order(StringComparer.Ordinal));
            Assert.True(shown["active"]!.GetValue<bool>());
            Assert.Equal([team.Id()], shown.Ids("teams"));
            Assert.DoesNotContain(person.Email(), shown.ToJsonString(), StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task Former_staff_are_found_by_id_but_not_offered_in_the_list()
    {
        using var admin = await App.ClientAsync();
        var marker = NewKey()[..10];
        var former = await AdminApi.CreateUserAsync(admin, displayName: $"Former {marker}");
        var current = await AdminApi.CreateUserAsync(admin, displayName: $"Current {marker}");
        (await admin.PostJsonAsync($"/api/admin/users/{former.Id()}/deactivate", null)).Dispose();
        using var auditor = await App.ClientAsync(Roles.Auditor);

        using var response = await auditor.GetAsync($"/api/people/{former.Id()}", Cancel);
        var read = await response.ReadAsync<JsonObject>(HttpStatusCode.OK);
        var byIds = await ListAsync(auditor, $"id={former.Id()}&id={current.Id()}&id=nobody");

        Assert.Equal($"Former {marker}", read["displayName"]!.GetValue<string>());
        Assert.False(read["active"]!.GetValue<bool>());
        Assert.Equal([current.Id()], (await ListAsync(auditor, $"search={marker}")).Ids("items"));
        Assert.Equal(Sorted([current.Id(), former.Id()]), Sorted(byIds.Ids("items")));
        Assert.Equal(HttpStatusCode.NotFound, (await auditor.GetAsync("/api/people/nobody", Cancel)).StatusCode);
    }

    [Fact]
    public async Task The_list_pages_by_name_and_narrows_to_a_team()
    {
        using var admin = await App.ClientAsync();
        var marker = NewKey()[..10];
        var team = await AdminApi.CreateTeamAsync(admin);
        var carla = await AdminApi.CreateUserAsync(admin, [Roles.Coordinator], [team.Id()], $"Carla {marker}");
        var ahmed = await AdminApi.CreateUserAsync(admin, [Roles.Coordinator], [], $"Ahmed {marker.ToUpperInvariant()}");
        var bea = await AdminApi.CreateUserAsync(admin, [Roles.Coordinator], [team.Id()], $"Bea {marker}");
        using var lead = await App.ClientAsync(Roles.ClinicalLead);

        var first = await ListAsync(lead, $"search={marker}&pageSize=2");
        var second = await ListAsync(lead, $"search={marker}&pageSize=2&page=2");

        Assert.Equal([ahmed.Id(), bea.Id()], first.Ids("items"));
        Assert.Equal([carla.Id()], second.Ids("items"));
        Assert.Equal((3, 2, 2), (second["total"]!.GetValue<int>(), second["page"]!.GetValue<int>(), second["pageSize"]!.GetValue<int>()));
        Assert.Equal([bea.Id(), carla.Id()], (await ListAsync(lead, $"team={team.Id()}")).Ids("items"));
        Assert.Equal([bea.Id()], (await ListAsync(lead, $"team={team.Id()}&search=bea {marker}")).Ids("items"));
    }

    [Fact]
    public async Task Text_in_an_email_finds_nobody()
    {
        using var admin = await App.ClientAsync();
        var person = await AdminApi.CreateUserAsync(admin, displayName: "Unrelated Name");
        using var coordinator = await App.ClientAsync(Roles.Coordinator);

        Assert.Empty((await ListAsync(coordinator, $"search={person.Email()[..20]}"))["items"]!.AsArray());
    }

    [Theory]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=201", "pageSize")]
    [InlineData("page=0", "page")]
    public async Task A_list_filter_out_of_range_is_422_keyed_by_its_name(string query, string key)
    {
        using var coordinator = await App.ClientAsync(Roles.Coordinator);

        using var response = await coordinator.GetAsync($"/api/people?{query}", Cancel);

        Assert.Equal([key], (await response.ProblemAsync(HttpStatusCode.UnprocessableEntity)).ErrorFields());
    }

    private static async Task<JsonObject> ListAsync(HttpClient client, string query)
    {
        using var response = await client.GetAsync($"/api/people?{query}", Cancel);
        return await response.ReadAsync<JsonObject>(HttpStatusCode.OK);
    }

    private static List<string> Sorted(IEnumerable<string> ids) => [.. ids.Order(StringComparer.Ordinal)];
}

public sealed class SqlitePeopleEndpointsTests(SqliteApp app) : PeopleEndpointsTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresPeopleEndpointsTests(PostgresApp app) : PeopleEndpointsTests(app), IClassFixture<PostgresApp>;

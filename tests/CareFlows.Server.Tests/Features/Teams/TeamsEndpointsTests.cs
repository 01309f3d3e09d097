using System.Net;
using System.Text.Json.Nodes;
using CareFlows.Server.Auth;
using CareFlows.Server.Tests.TestSupport;

namespace CareFlows.Server.Tests.Features.Teams;

/// <summary>The team admin API on the real host: create, read, rename, delete, members; and every user's own teams.</summary>
public abstract class TeamsEndpointsTests(CareFlowsApp app) : AppTests(app)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_team_is_created_with_a_slug_from_its_name_read_renamed_listed_and_deleted()
    {
        using var admin = await App.ClientAsync();
        var name = $"Home Health Équipe {NewKey()[..6]}";

        using var created = await admin.PostJsonAsync("/api/admin/teams", new { name, description = "Visits at home." });
        var team = await created.ReadAsync<JsonObject>(HttpStatusCode.Created);

        Assert.Equal($"home-health-equipe-{name[^6..]}", team.Id());
        Assert.Equal($"/api/admin/teams/{team.Id()}", created.Headers.Location?.OriginalString);
        Assert.Empty(team["members"]!.AsArray());
        using var renamed = await admin.SendJsonAsync(HttpMethod.Put, $"/api/admin/teams/{team.Id()}", new { name = name + " (east)" });
        var changed = await renamed.ReadAsync<JsonObject>(HttpStatusCode.OK);
        Assert.Equal(team.Id(), changed.Id());
        Assert.Equal(name + " (east)", changed["name"]!.GetValue<string>());
        Assert.Null(changed["description"]);
        var listed = Assert.Single(await ListAsync(admin), t => t.Id() == team.Id());
        Assert.Equal(0, listed["memberCount"]!.GetValue<int>());

        using var deleted = await admin.DeleteAsync($"/api/admin/teams/{team.Id()}", Cancel);

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await (await admin.GetAsync($"/api/admin/teams/{team.Id()}", Cancel)).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_name_taken_in_any_case_or_an_id_taken_is_409()
    {
        using var admin = await App.ClientAsync();
        var (first, second) = (await AdminApi.CreateTeamAsync(admin), await AdminApi.CreateTeamAsync(admin));
        var takenName = first["name"]!.GetValue<string>();

        await (await admin.PostJsonAsync("/api/admin/teams", new { name = takenName.ToUpperInvariant() })).ProblemAsync(HttpStatusCode.Conflict);
        await (await admin.PostJsonAsync("/api/admin/teams", new { id = first.Id(), name = "Another name " + NewKey() })).ProblemAsync(HttpStatusCode.Conflict);
        await (await admin.SendJsonAsync(HttpMethod.Put, $"/api/admin/teams/{second.Id()}", new { name = takenName.ToLowerInvariant() })).ProblemAsync(HttpStatusCode.Conflict);
        using var sameTeam = await admin.SendJsonAsync(HttpMethod.Put, $"/api/admin/teams/{first.Id()}", new { name = takenName.ToUpperInvariant() });
        Assert.Equal(takenName.ToUpperInvariant(), (await sameTeam.ReadAsync<JsonObject>(HttpStatusCode.OK))["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Members_are_added_and_removed_and_a_team_with_members_cannot_be_deleted()
    {
        using var admin = await App.ClientAsync();
        var team = await AdminApi.CreateTeamAsync(admin);
        var user = await AdminApi.CreateUserAsync(admin);
        var member = $"/api/admin/teams/{team.Id()}/members/{user.Id()}";

        Assert.Equal(HttpStatusCode.NoContent, (await admin.SendJsonAsync(HttpMethod.Put, member)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.SendJsonAsync(HttpMethod.Put, member)).StatusCode);

        using var read = await admin.GetAsync($"/api/admin/teams/{team.Id()}", Cancel);
        var members = (await read.ReadAsync<JsonObject>(HttpStatusCode.OK))["members"]!.AsArray();
        Assert.Equal(user.Id(), Assert.Single(members)!["userId"]!.GetValue<string>());
        Assert.Equal(user.Email(), members[0]!["email"]!.GetValue<string>());
        await (await admin.DeleteAsync($"/api/admin/teams/{team.Id()}", Cancel)).ProblemAsync(HttpStatusCode.Conflict);
        using var userRead = await admin.GetAsync($"/api/admin/users/{user.Id()}", Cancel);
        Assert.Equal([team.Id()], (await userRead.ReadAsync<JsonObject>(HttpStatusCode.OK)).Ids("teams"));

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync(member, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync(member, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/admin/teams/{team.Id()}", Cancel)).StatusCode);
    }

    [Fact]
    public async Task Unknown_teams_and_users_are_404()
    {
        using var admin = await App.ClientAsync();
        var team = await AdminApi.CreateTeamAsync(admin);
        var user = await AdminApi.CreateUserAsync(admin);

        await (await admin.GetAsync("/api/admin/teams/no-such-team", Cancel)).ProblemAsync(HttpStatusCode.NotFound);
        await (await admin.SendJsonAsync(HttpMethod.Put, "/api/admin/teams/no-such-team", new { name = "X" })).ProblemAsync(HttpStatusCode.NotFound);
        await (await admin.DeleteAsync("/api/admin/teams/no-such-team", Cancel)).ProblemAsync(HttpStatusCode.NotFound);
        await (await admin.SendJsonAsync(HttpMethod.Put, $"/api/admin/teams/no-such-team/members/{user.Id()}")).ProblemAsync(HttpStatusCode.NotFound);
        await (await admin.SendJsonAsync(HttpMethod.Put, $"/api/admin/teams/{team.Id()}/members/no-such-user")).ProblemAsync(HttpStatusCode.NotFound);
        await (await admin.DeleteAsync($"/api/admin/teams/{team.Id()}/members/no-such-user", Cancel)).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("""{"description": "no name"}""", "$.name")]
    [InlineData("""{"name": "  "}""", "$.name")]
    [InlineData("""{"id": "Not A Slug", "name": "Slugless"}""", "$.id")]
    [InlineData("""{"name": "!!!"}""", "$.id")]
    [InlineData("""{"name": "Bell\u0007"}""", "$.name")]
    public async Task A_team_that_breaks_a_rule_is_422_keyed_by_json_path(string body, string key)
    {
        using var admin = await App.ClientAsync();

        using var response = await admin.PostRawAsync("/api/admin/teams", body);

        var problem = await response.ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal([key], problem.ErrorFields());
        PlainProblems.AssertPlain(problem);
    }

    [Fact]
    public async Task A_description_longer_than_its_column_is_422()
    {
        using var admin = await App.ClientAsync();

        using var response = await admin.PostJsonAsync("/api/admin/teams", new { name = "Long " + NewKey(), description = new string('x', 1001) });

        Assert.Equal(["$.description"], (await response.ProblemAsync(HttpStatusCode.UnprocessableEntity)).ErrorFields());
    }

    [Fact]
    public async Task The_demo_teams_are_seeded_with_their_coordinators()
    {
        using var admin = await App.ClientAsync();

        var teams = await ListAsync(admin);

        foreach (var (id, name, _, members) in DemoUsers.Teams)
        {
            var listed = Assert.Single(teams, t => t.Id() == id);
            Assert.Equal(name, listed["name"]!.GetValue<string>());
            using var read = await admin.GetAsync($"/api/admin/teams/{id}", Cancel);
            var team = await read.ReadAsync<JsonObject>(HttpStatusCode.OK);
            Assert.Equal(members.Order(StringComparer.Ordinal), team["members"]!.AsArray().Select(m => m!["email"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        }

        using var coordinators = await admin.GetAsync("/api/admin/users?role=Coordinator&team=rn-care-managers", Cancel);
        var page = await coordinators.ReadAsync<JsonObject>(HttpStatusCode.OK);
        Assert.Equal(3, page["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task Every_signed_in_user_reads_their_own_teams()
    {
        using var coordinator = await App.ClientAsync(Roles.Coordinator);
        using var auditor = await App.ClientAsync(Roles.Auditor);

        using var mine = await coordinator.GetAsync("/api/me/teams", Cancel);
        using var none = await auditor.GetAsync("/api/me/teams", Cancel);
        using var me = await coordinator.GetAsync("/api/auth/me", Cancel);

        Assert.Equal(["referrals", "transitions-of-care"], (await mine.ReadAsync<JsonArray>(HttpStatusCode.OK)).Select(t => t!.Id()));
        Assert.Empty(await none.ReadAsync<JsonArray>(HttpStatusCode.OK));
        Assert.Equal(["Referrals", "Transitions of care"], (await me.ReadAsync<JsonObject>(HttpStatusCode.OK))["teams"]!.AsArray().Select(t => t!["name"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.Unauthorized, (await App.CreateClient().GetAsync("/api/me/teams", Cancel)).StatusCode);
    }

    [Theory]
    [InlineData(Roles.ClinicalLead)]
    [InlineData(Roles.Coordinator)]
    [InlineData(Roles.Auditor)]
    public async Task Other_roles_get_403_and_change_nothing(string role)
    {
        using var client = await App.ClientAsync(role);
        const string Team = "/api/admin/teams/referrals";
        var before = await QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.TeamMembers));

        await (await client.GetAsync("/api/admin/teams", Cancel)).ProblemAsync(HttpStatusCode.Forbidden);
        await (await client.GetAsync(Team, Cancel)).ProblemAsync(HttpStatusCode.Forbidden);
        await (await client.PostJsonAsync("/api/admin/teams", new { name = "Forbidden " + NewKey() })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await client.SendJsonAsync(HttpMethod.Put, Team, new { name = "Renamed" })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await client.DeleteAsync(Team, Cancel)).ProblemAsync(HttpStatusCode.Forbidden);
        await (await client.SendJsonAsync(HttpMethod.Put, $"{Team}/members/someone")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await client.DeleteAsync($"{Team}/members/someone", Cancel)).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(before, await QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.TeamMembers)));
    }

    private static async Task<List<JsonNode>> ListAsync(HttpClient admin)
    {
        using var response = await admin.GetAsync("/api/admin/teams", Cancel);
        return [.. (await response.ReadAsync<JsonArray>(HttpStatusCode.OK)).Select(t => t!)];
    }
}

public sealed class SqliteTeamsEndpointsTests(SqliteApp app) : TeamsEndpointsTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresTeamsEndpointsTests(PostgresApp app) : TeamsEndpointsTests(app), IClassFixture<PostgresApp>;

using System.Net;
using System.Text.Json.Nodes;
using CareFlows.Server.Auth;
using CareFlows.Server.Tests.Features.Definitions;
using CareFlows.Server.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using static CareFlows.Server.Tests.TestSupport.InboxClients;

namespace CareFlows.Server.Tests.Security;

/// <summary>
/// Write bodies carrying members the server decides for itself (ids, times, owners, states, versions, another user's
/// id): the server ignores them or refuses the request, and what it stored, read back, never took them.
/// </summary>
public abstract class MassAssignmentTests(CareFlowsApp app) : AppTests(app)
{
    private const string Past = "2000-01-01T00:00:00Z";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>Members no body may set, merged into each valid body.</summary>
    private static JsonObject ServerOwned(string otherUser) => new()
    {
        ["id"] = "planted-id",
        ["createdAt"] = Past,
        ["updatedAt"] = Past,
        ["revision"] = 99,
        ["owner"] = otherUser,
        ["status"] = "Completed",
        ["userId"] = otherUser,
        ["isPublished"] = true,
        ["isLatest"] = false,
        ["publishedAt"] = Past,
        ["version"] = 42,
        ["sequence"] = 1,
        ["hash"] = "00",
        ["active"] = false,
        ["deactivatedAt"] = Past,
        ["expiresAt"] = "2999-01-01T00:00:00Z",
        ["passwordHash"] = "AQAAAAIAAYagAAAAEplanted",
        ["securityStamp"] = "planted",
        ["emailConfirmed"] = false,
        ["lockoutEnd"] = "2999-01-01T00:00:00Z",
    };

    [Fact]
    public async Task A_definition_body_sets_neither_its_version_nor_its_publication_nor_its_times()
    {
        var lead = await App.ClientAsync(Roles.ClinicalLead);
        var id = $"mass-{NewKey()[..8]}";
        var created = await lead.PostJsonAsync("/api/definitions", With(DefinitionJson.Valid(id), ServerOwned("x")));
        Assert.True(created.IsSuccessStatusCode || created.StatusCode == HttpStatusCode.BadRequest, $"create answered {(int)created.StatusCode}");
        if (created.IsSuccessStatusCode)
        {
            await AssertDraftAsync(lead, id, version: 1);
            using var saved = await lead.SendJsonAsync(HttpMethod.Put, $"/api/definitions/{id}", With(DefinitionJson.Valid(id, "edited"), ServerOwned("x")));
            Assert.True(saved.IsSuccessStatusCode, $"save answered {(int)saved.StatusCode}");
            await AssertDraftAsync(lead, id, version: 1);
        }
    }

    [Fact]
    public async Task A_user_body_sets_no_id_state_or_credentials()
    {
        var admin = await App.ClientAsync(Roles.Admin);
        var email = $"mass-{NewKey()[..8]}@careflows.test";
        var body = With(new JsonObject
        {
            ["email"] = email,
            ["displayName"] = "Mass Assignment",
            ["password"] = AdminApi.Password,
            ["roles"] = new JsonArray(Roles.Coordinator),
        }, ServerOwned("x"));
        using var created = await admin.PostJsonAsync("/api/admin/users", body);
        var user = await created.ReadAsync<JsonObject>(HttpStatusCode.Created);
        Assert.NotEqual("planted-id", user.Id());

        using var patched = await admin.SendJsonAsync(HttpMethod.Patch, $"/api/admin/users/{user.Id()}", With(new JsonObject { ["displayName"] = "Renamed", ["email"] = "taken-over@careflows.test" }, ServerOwned("x")));
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);

        var stored = await GetAsync(admin, $"/api/admin/users/{user.Id()}");
        Assert.Equal((email, "Renamed", true), (stored.Email(), Text(stored, "displayName"), stored["active"]!.GetValue<bool>()));
        Assert.Null(stored["deactivatedAt"]);
        Assert.Null(stored["lockedOutUntil"]);
        Assert.Equal([Roles.Coordinator], stored.Strings("roles"));
        // The password given is the one that signs in: no planted hash or stamp took its place.
        Assert.Equal(HttpStatusCode.OK, await App.BearerClient((await SignIn.BearerAsync(App.CreateClient(), email, AdminApi.Password)).AccessToken).MeAsync());
    }

    [Fact]
    public async Task A_team_body_sets_no_times_and_an_update_no_id()
    {
        var admin = await App.ClientAsync(Roles.Admin);
        var body = With(new JsonObject { ["name"] = $"Mass {NewKey()[..8]}" }, ServerOwned("x"));
        body.Remove("id");
        using var created = await admin.PostJsonAsync("/api/admin/teams", body);
        var team = await created.ReadAsync<JsonObject>(HttpStatusCode.Created);
        Assert.NotEqual(Past, team["createdAt"]!.GetValue<DateTime>().ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture));

        using var updated = await admin.SendJsonAsync(HttpMethod.Put, $"/api/admin/teams/{team.Id()}", With(new JsonObject { ["name"] = $"Renamed {NewKey()[..8]}" }, ServerOwned("x")));
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var stored = await GetAsync(admin, $"/api/admin/teams/{team.Id()}");
        Assert.Equal(team.Id(), stored.Id());
        Assert.True(stored["createdAt"]!.GetValue<DateTime>().Year > 2000);
        using var planted = await admin.GetAsync("/api/admin/teams/planted-id", Cancel);
        Assert.Equal(HttpStatusCode.NotFound, planted.StatusCode);
    }

    [Fact]
    public async Task A_task_action_body_sets_no_owner_status_or_author()
    {
        var team = await App.NewTeamAsync();
        var coordinator = await App.CoordinatorAsync(team);
        var other = await AdminApi.CreateUserAsync(await App.ClientAsync(), teams: [team]);
        var (task, _) = await App.TeamTaskAsync(team);
        var me = (await GetAsync(coordinator, "/api/auth/me"))["userId"]!.GetValue<string>();

        using (var claimed = await coordinator.PostJsonAsync($"/api/tasks/{task}/claim", ServerOwned(other.Id())))
        {
            Assert.Equal(HttpStatusCode.OK, claimed.StatusCode);
        }

        using (var commented = await coordinator.PostJsonAsync($"/api/tasks/{task}/comments", With(new JsonObject { ["text"] = "Called twice." }, ServerOwned(other.Id()))))
        {
            Assert.Equal(HttpStatusCode.OK, commented.StatusCode);
        }

        var stored = await QueryAsync(db => db.Tasks.AsNoTracking().SingleAsync(t => t.Id == task, Cancel));
        Assert.Equal(me, stored.Owner);
        Assert.NotEqual("Completed", stored.Status);
        var history = await QueryAsync(db => db.TaskHistory.AsNoTracking().Where(h => h.TaskId == task).ToListAsync(Cancel));
        Assert.DoesNotContain(history, h => h.Actor == other.Id());
        Assert.All(history, h => Assert.True(h.At.Year > 2000));
    }

    [Fact]
    public async Task A_saved_filter_and_a_break_glass_request_belong_to_the_one_who_sends_them()
    {
        var coordinator = await App.CoordinatorAsync(await App.NewTeamAsync());
        var other = await AdminApi.CreateUserAsync(await App.ClientAsync());
        var name = $"Overdue {NewKey()[..6]}";
        using (var saved = await coordinator.PostJsonAsync("/api/tasks/filters", With(new JsonObject { ["name"] = name, ["query"] = "queue=mine" }, ServerOwned(other.Id()))))
        {
            Assert.True(saved.IsSuccessStatusCode, $"save answered {(int)saved.StatusCode}");
        }

        var othersFilters = await (await App.SignedInAsync(other)).GetStringAsync("/api/tasks/filters", Cancel);
        Assert.DoesNotContain(name, othersFilters, StringComparison.Ordinal);

        using (var grant = await coordinator.PostJsonAsync("/api/access/break-glass", With(new JsonObject { ["patient"] = "Patient/p-mass", ["reason"] = "Covering the ward tonight: the patient called in." }, ServerOwned(other.Id()))))
        {
            Assert.True(grant.IsSuccessStatusCode, $"break-glass answered {(int)grant.StatusCode}");
        }

        var grants = await QueryAsync(db => db.AccessGrants.AsNoTracking().Where(g => g.PatientId == "Patient/p-mass" || g.PatientId == "p-mass").ToListAsync(Cancel));
        Assert.NotEmpty(grants);
        Assert.All(grants, g => Assert.NotEqual(other.Id(), g.UserId));
        Assert.All(grants, g => Assert.True(g.ExpiresAt < DateTime.UtcNow.AddDays(1), $"the grant runs until {g.ExpiresAt:u}"));
    }

    [Fact]
    public async Task An_instance_start_sets_no_id_or_status()
    {
        var coordinator = await App.ClientAsync(Roles.Coordinator);
        var body = With(new JsonObject { ["definitionId"] = "test-wait-for-event", ["correlationId"] = NewKey() }, ServerOwned("x"));

        // A start names the version it wants: that member is the body's own.
        body.Remove("version");
        using var started = await coordinator.PostJsonAsync("/api/instances", body);
        var instance = await started.ReadAsync<JsonObject>(HttpStatusCode.Created);
        Assert.NotEqual("planted-id", instance.Id());
        Assert.Null(await InstanceAsync("planted-id"));
        Assert.NotEqual("Completed", (await InstanceAsync(instance.Id()))!.Status);
    }

    private static async Task AssertDraftAsync(HttpClient lead, string id, int version)
    {
        var stored = await GetAsync(lead, $"/api/definitions/{id}");
        Assert.Equal(version, stored["version"]!.GetValue<int>());
        Assert.False(stored["isPublished"]!.GetValue<bool>());
        Assert.True(stored["isLatest"]!.GetValue<bool>());
        Assert.Null(stored["publishedAt"]);
        Assert.True(stored["createdAt"]!.GetValue<DateTime>().Year > 2000, $"createdAt {stored["createdAt"]}");
        var definition = stored["definition"]!;
        Assert.Equal(version, definition["version"]!.GetValue<int>());
        Assert.False(definition["isPublished"]!.GetValue<bool>());
        Assert.True(definition["isLatest"]!.GetValue<bool>());

        // The Elsa file's own version id is kept for a first version when no other definition uses it (imports stay
        // lossless; DefinitionStore guards uniqueness), so a planted "id" is not checked here.
    }

    /// <summary>The body with the server-owned members added where it does not name them itself.</summary>
    private static JsonObject With(JsonObject body, JsonObject extra)
    {
        foreach (var (key, value) in extra)
        {
            if (!body.ContainsKey(key))
            {
                body[key] = value?.DeepClone();
            }
        }

        return body;
    }
}

public sealed class SqliteMassAssignmentTests(SqliteApp app) : MassAssignmentTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresMassAssignmentTests(PostgresApp app) : MassAssignmentTests(app), IClassFixture<PostgresApp>;

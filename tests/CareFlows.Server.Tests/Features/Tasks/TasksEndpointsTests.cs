using System.Net;
using System.Text.Json.Nodes;
using CareFlows.Server.Auth;
using CareFlows.Server.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using static CareFlows.Server.Tests.TestSupport.InboxClients;

namespace CareFlows.Server.Tests.Features.Tasks;

/// <summary>The inbox on the real host: who sees which task, claiming and passing tasks on, and completing them exactly once.</summary>
public abstract class TasksEndpointsTests(CareFlowsApp app) : AppTests(app)
{
    private static readonly string[] Weather = ["weather"];

    [Fact]
    public async Task A_coordinator_finds_the_task_in_their_team_queue_claims_it_and_a_colleague_cannot_take_it()
    {
        var (team, task) = await TeamTaskAsync();
        using var maria = await App.CoordinatorAsync(team);
        using var james = await App.CoordinatorAsync(team);

        var queue = await GetAsync(maria, $"/api/tasks?queue=team&team={team}");
        var listed = Assert.Single(queue["items"]!.AsArray(), t => t!["id"]!.GetValue<string>() == task);
        Assert.Equal(("ready", "Call Rosa Diaz within two business days", "MRN-100"), (Text(listed!, "status"), Text(listed!, "title"), Text(listed!["patient"]!, "mrn")));

        var claimed = await PostAsync(maria, $"/api/tasks/{task}/claim", null, HttpStatusCode.OK);
        Assert.Equal("in-progress", Text(claimed, "status"));
        Assert.NotNull(claimed["owner"]);
        var conflict = await (await james.PostJsonAsync($"/api/tasks/{task}/claim", null)).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("someone else's", conflict["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain((await GetAsync(james, $"/api/tasks?queue=team&team={team}"))["items"]!.AsArray(), t => Text(t!, "id") == task);
        Assert.Contains((await GetAsync(maria, "/api/tasks?queue=mine"))["items"]!.AsArray(), t => Text(t!, "id") == task);
    }

    [Fact]
    public async Task A_task_is_unclaimed_reassigned_delegated_held_commented_and_attempted_with_each_change_in_its_history()
    {
        var (team, task) = await TeamTaskAsync();
        using var admin = await App.ClientAsync();
        var (mariaUser, jamesUser, otherTeam) = await ColleaguesAsync(admin, team);
        using var maria = await App.SignedInAsync(mariaUser);
        using var james = await App.SignedInAsync(jamesUser);

        await PostAsync(maria, $"/api/tasks/{task}/claim", null, HttpStatusCode.OK);
        Assert.Equal("ready", Text(await PostAsync(maria, $"/api/tasks/{task}/unclaim", null, HttpStatusCode.OK), "status"));
        var reassigned = await PostAsync(maria, $"/api/tasks/{task}/reassign", new { user = jamesUser.Id() }, HttpStatusCode.OK);
        Assert.Equal(jamesUser.Id(), Text(reassigned, "owner"));
        await PostAsync(james, $"/api/tasks/{task}/claim", null, HttpStatusCode.OK);
        var delegated = await PostAsync(james, $"/api/tasks/{task}/delegate", new { user = mariaUser.Id() }, HttpStatusCode.OK);
        Assert.Equal((mariaUser.Id(), "in-progress"), (Text(delegated, "owner"), Text(delegated, "status")));
        Assert.Equal("on-hold", Text(await PostAsync(maria, $"/api/tasks/{task}/hold", new { reason = "waiting for the pharmacy" }, HttpStatusCode.OK), "status"));
        Assert.Equal("in-progress", Text(await PostAsync(maria, $"/api/tasks/{task}/release", null, HttpStatusCode.OK), "status"));
        await PostAsync(maria, $"/api/tasks/{task}/comments", new { text = "Daughter asked for a call after 5pm." }, HttpStatusCode.OK);
        await PostAsync(maria, $"/api/tasks/{task}/attempts", new { channel = "phone", result = "no-answer", note = "voicemail full" }, HttpStatusCode.OK);
        var moved = await PostAsync(maria, $"/api/tasks/{task}/reassign", new { team = otherTeam }, HttpStatusCode.OK);
        Assert.Equal("ready", Text(moved, "status"));
        Assert.Equal([otherTeam], moved.Strings("teams"));

        var history = await GetArrayAsync(admin, $"/api/tasks/{task}/history");
        Assert.Equal(
            ["created", "claimed", "unclaimed", "reassigned", "claimed", "delegated", "held", "released", "commented", "attempted", "reassigned"],
            history.Select(h => Text(h!, "action")));
        Assert.Null(history[0]!["actor"]);
        Assert.Equal(jamesUser.Id(), Text(history[5]!, "actor"));
        Assert.Equal("no-answer", history[9]!["details"]!["result"]!.GetValue<string>());
        // Maria left the task's teams with it: it is no longer hers to see.
        Assert.Equal(HttpStatusCode.Forbidden, (await maria.GetAsync($"/api/tasks/{task}", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task Completing_with_valid_data_resumes_the_workflow_through_the_chosen_outcome()
    {
        var (team, task, instanceId) = await TeamTaskWithInstanceAsync();
        using var maria = await App.CoordinatorAsync(team);

        var completed = await PostAsync(maria, $"/api/tasks/{task}/complete", new { outcome = "Reached", data = ValidData }, HttpStatusCode.OK);

        Assert.Equal(("completed", "Reached"), (Text(completed, "status"), Text(completed, "outcome")));
        Assert.True(completed["result"]!["reached"]!.GetValue<bool>());
        Assert.Equal("Finished", (await InstanceAsync(instanceId))!.SubStatus);
        Assert.Contains(await JournalAsync(instanceId), j => j.ActivityId == "done" && j.Message == "done");
        Assert.Equal(["created", "claimed", "completed"], (await GetArrayAsync(maria, $"/api/tasks/{task}/history")).Select(h => Text(h!, "action")));
    }

    [Fact]
    public async Task Completing_with_data_that_breaks_the_form_names_every_field_at_fault_and_changes_nothing()
    {
        var (team, task, instanceId) = await TeamTaskWithInstanceAsync();
        using var maria = await App.CoordinatorAsync(team);

        using var response = await maria.PostJsonAsync($"/api/tasks/{task}/complete", new
        {
            outcome = "Reached",
            data = new { reached = "yes", summary = "R2-D2", painScore = 11, visitDate = "1/12/2026", calledAt = "2026-12-01", concerns = Weather },
        });
        var problem = await response.ProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Equal(
            ["$.data.calledAt", "$.data.channel", "$.data.concerns", "$.data.painScore", "$.data.reached", "$.data.summary", "$.data.visitDate"],
            problem.ErrorFields().Order(StringComparer.Ordinal));
        Assert.Equal("ready", Text(await GetAsync(maria, $"/api/tasks/{task}"), "status"));
        Assert.Equal("Suspended", (await InstanceAsync(instanceId))!.SubStatus);
        Assert.Equal(["created"], (await GetArrayAsync(maria, $"/api/tasks/{task}/history")).Select(h => Text(h!, "action")));
    }

    [Fact]
    public async Task An_outcome_the_task_does_not_offer_is_refused()
    {
        var (team, task) = await TeamTaskAsync();
        using var maria = await App.CoordinatorAsync(team);

        var problem = await (await maria.PostJsonAsync($"/api/tasks/{task}/complete", new { outcome = "Escalated", data = ValidData })).ProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Equal(["$.outcome"], problem.ErrorFields());
        Assert.Contains("Reached, NotReached", problem["errors"]!["$.outcome"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_coordinators_completing_at_once_get_one_200_and_one_409_and_the_workflow_resumes_once()
    {
        for (var round = 0; round < 5; round++)
        {
            var (team, task, instanceId) = await TeamTaskWithInstanceAsync();
            using var maria = await App.CoordinatorAsync(team);
            using var james = await App.CoordinatorAsync(team);

            var answers = await Task.WhenAll(
                Task.Run(() => maria.PostJsonAsync($"/api/tasks/{task}/complete", new { outcome = "Reached", data = ValidData })),
                Task.Run(() => james.PostJsonAsync($"/api/tasks/{task}/complete", new { outcome = "NotReached", data = ValidData })));

            Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], answers.Select(a => a.StatusCode).Order());
            var journal = await JournalAsync(instanceId);
            Assert.Single(journal, j => j.ActivityId == "call" && j.EventName == "Completed");
            Assert.Single(journal, j => j.ActivityId == "done" && j.Message == "done");
            Assert.Single(await QueryAsync(db => db.TaskHistory.Where(h => h.TaskId == task && h.Action == "completed").ToListAsync()));
        }
    }

    [Fact]
    public async Task Coordinators_see_only_their_teams_tasks_auditors_read_all_and_clinical_leads_see_none()
    {
        var (_, task) = await TeamTaskAsync();
        using var admin = await App.ClientAsync();
        using var outsider = await App.CoordinatorAsync((await AdminApi.CreateTeamAsync(admin)).Id());
        using var auditor = await App.ClientAsync(Roles.Auditor);
        using var lead = await App.ClientAsync(Roles.ClinicalLead);

        Assert.Equal(HttpStatusCode.Forbidden, (await outsider.GetAsync($"/api/tasks/{task}", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await outsider.PostJsonAsync($"/api/tasks/{task}/claim", null)).StatusCode);
        Assert.DoesNotContain((await GetAsync(outsider, "/api/tasks?queue=all"))["items"]!.AsArray(), t => Text(t!, "id") == task);
        Assert.Equal("ready", Text(await GetAsync(auditor, $"/api/tasks/{task}"), "status"));
        Assert.Contains((await GetAsync(auditor, "/api/tasks?queue=all&pageSize=200"))["items"]!.AsArray(), t => Text(t!, "id") == task);
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.PostJsonAsync($"/api/tasks/{task}/claim", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await lead.GetAsync($"/api/tasks/{task}", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await lead.GetAsync("/api/tasks", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await auditor.GetAsync("/api/tasks/no-such-task", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task A_task_leaves_the_queues_as_cancelled_when_its_instance_is_cancelled_and_can_no_longer_be_claimed()
    {
        var (team, task, instanceId) = await TeamTaskWithInstanceAsync();
        using var maria = await App.CoordinatorAsync(team);

        await Runtime.CancelAsync(instanceId, "readmitted", TestContext.Current.CancellationToken);

        Assert.Equal("cancelled", Text(await GetAsync(maria, $"/api/tasks/{task}"), "status"));
        Assert.DoesNotContain((await GetAsync(maria, $"/api/tasks?queue=team&team={team}"))["items"]!.AsArray(), t => Text(t!, "id") == task);
        Assert.Equal(HttpStatusCode.Conflict, (await maria.PostJsonAsync($"/api/tasks/{task}/claim", null)).StatusCode);
    }

    [Fact]
    public async Task The_counts_show_the_users_own_and_team_queues()
    {
        var (team, task) = await TeamTaskAsync();
        await TeamTaskAsync(team);
        using var maria = await App.CoordinatorAsync(team);
        await PostAsync(maria, $"/api/tasks/{task}/claim", null, HttpStatusCode.OK);

        var counts = await GetAsync(maria, "/api/tasks/counts");

        Assert.Equal(1, counts["mine"]!.GetValue<int>());
        Assert.Equal(1, counts["teams"]![team]!.GetValue<int>());
    }

    [Fact]
    public async Task Every_change_answers_with_the_task_exactly_as_a_read_finds_it_afterwards()
    {
        var (team, task) = await TeamTaskAsync();
        using var admin = await App.ClientAsync();
        var (mariaUser, jamesUser, otherTeam) = await ColleaguesAsync(admin, team);
        using var maria = await App.SignedInAsync(mariaUser);
        using var james = await App.SignedInAsync(jamesUser);
        var (_, claimedOnTheWay) = await TeamTaskAsync(team);
        var (_, completedByOwner) = await TeamTaskAsync(team);

        (HttpClient Client, string Task, string Path, object? Body)[] changes =
        [
            (maria, task, "claim", null),
            (maria, task, "unclaim", null),
            (maria, task, "reassign", new { user = jamesUser.Id() }),
            (james, task, "claim", null),
            (james, task, "delegate", new { user = mariaUser.Id() }),
            (maria, task, "hold", new { reason = "waiting for the pharmacy" }),
            (maria, task, "release", null),
            (maria, task, "comments", new { text = "Daughter asked for a call after 5pm." }),
            (maria, task, "attempts", new { channel = "phone", result = "no-answer" }),
            (maria, task, "reassign", new { team = otherTeam }),
            (maria, claimedOnTheWay, "complete", new { outcome = "Reached", data = ValidData }),
            (james, completedByOwner, "claim", null),
            (james, completedByOwner, "complete", new { outcome = "NotReached", data = ValidData }),
        ];
        foreach (var (client, id, path, body) in changes)
        {
            var answer = await PostAsync(client, $"/api/tasks/{id}/{path}", body, HttpStatusCode.OK);
            var read = await GetAsync(admin, $"/api/tasks/{id}");
            Assert.True(JsonNode.DeepEquals(read, answer), $"{path}: answered {answer.ToJsonString()} but read {read.ToJsonString()}");
        }
    }

    /// <summary>Two coordinators of <paramref name="team"/>, Maria and James, and another team to pass tasks to.</summary>
    private static async Task<(JsonObject Maria, JsonObject James, string OtherTeam)> ColleaguesAsync(HttpClient admin, string team) =>
        (await AdminApi.CreateUserAsync(admin, teams: [team]), await AdminApi.CreateUserAsync(admin, teams: [team]), (await AdminApi.CreateTeamAsync(admin)).Id());

    private async Task<(string Team, string Task)> TeamTaskAsync(string? team = null)
    {
        var (t, task, _) = await TeamTaskWithInstanceAsync(team);
        return (t, task);
    }

    /// <summary>A new team (unless one is given), and an instance of the inbox test pathway whose task waits in that team's queue.</summary>
    private async Task<(string Team, string Task, string InstanceId)> TeamTaskWithInstanceAsync(string? team = null)
    {
        team ??= await App.NewTeamAsync();
        var (task, instanceId) = await App.TeamTaskAsync(team);
        return (team, task, instanceId);
    }

    private static async Task<JsonArray> GetArrayAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url, TestContext.Current.CancellationToken);
        return await response.ReadAsync<JsonArray>(HttpStatusCode.OK);
    }

    private static async Task<JsonObject> PostAsync(HttpClient client, string url, object? body, HttpStatusCode expected)
    {
        using var response = await client.PostJsonAsync(url, body);
        return await response.ReadAsync<JsonObject>(expected);
    }
}

public sealed class SqliteTasksEndpointsTests(SqliteApp app) : TasksEndpointsTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresTasksEndpointsTests(PostgresApp app) : TasksEndpointsTests(app), IClassFixture<PostgresApp>;

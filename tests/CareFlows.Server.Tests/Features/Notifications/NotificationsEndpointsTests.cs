using System.Net;
using System.Text.Json.Nodes;
using CareFlows.Engine.Execution;
using CareFlows.Server.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using static CareFlows.Server.Tests.TestSupport.InboxClients;

namespace CareFlows.Server.Tests.Features.Notifications;

/// <summary>Notifications written with the changes they report, read and marked read by their person only; the live inbox stream.</summary>
public abstract class NotificationsEndpointsTests(CareFlowsApp app) : AppTests(app)
{
    [Fact]
    public async Task A_task_reassigned_or_delegated_to_someone_notifies_them_and_they_mark_it_read()
    {
        using var admin = await App.ClientAsync();
        var team = (await AdminApi.CreateTeamAsync(admin)).Id();
        var maria = await AdminApi.CreateUserAsync(admin, teams: [team]);
        var james = await AdminApi.CreateUserAsync(admin, teams: [team]);
        using var mariaClient = await App.SignedInAsync(maria);
        using var jamesClient = await App.SignedInAsync(james);
        var task = await StartTaskAsync(team);

        (await mariaClient.PostJsonAsync($"/api/tasks/{task}/reassign", new { user = james.Id() })).EnsureSuccessStatusCode();
        (await jamesClient.PostJsonAsync($"/api/tasks/{task}/claim", null)).EnsureSuccessStatusCode();
        (await jamesClient.PostJsonAsync($"/api/tasks/{task}/delegate", new { user = maria.Id() })).EnsureSuccessStatusCode();

        var jamesPage = await GetAsync(jamesClient, "/api/notifications?unread=true");
        var assigned = Assert.Single(jamesPage["items"]!.AsArray());
        Assert.Equal(("assigned", task, "'Call Rosa Diaz within two business days' was assigned to you."), (Text(assigned!, "kind"), Text(assigned!, "taskId"), Text(assigned!, "message")));
        Assert.Equal(1, jamesPage["unread"]!.GetValue<int>());
        Assert.Equal("delegated", Text((await GetAsync(mariaClient, "/api/notifications"))["items"]![0]!, "kind"));

        var id = assigned!["id"]!.GetValue<long>();
        Assert.Equal(HttpStatusCode.NotFound, (await mariaClient.PostJsonAsync($"/api/notifications/{id}/read", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await jamesClient.PostJsonAsync($"/api/notifications/{id}/read", null)).StatusCode);
        Assert.Empty((await GetAsync(jamesClient, "/api/notifications?unread=true"))["items"]!.AsArray());
        Assert.Equal(HttpStatusCode.NoContent, (await mariaClient.PostJsonAsync("/api/notifications/read-all", null)).StatusCode);
        Assert.Equal(0, (await GetAsync(mariaClient, "/api/notifications"))["unread"]!.GetValue<int>());
    }

    [Fact]
    public async Task An_escalation_notifies_every_member_of_the_team_it_moves_to()
    {
        using var admin = await App.ClientAsync();
        var escalations = await EnsureTeamAsync(admin, "escalations");
        var nurse = await AdminApi.CreateUserAsync(admin, teams: [escalations]);
        using var nurseClient = await App.SignedInAsync(nurse);
        var started = await Runtime.StartAsync("test-task-overdue", null, new StartRequest { CorrelationId = NewKey() }, TestContext.Current.CancellationToken);
        var task = await QueryAsync(db => db.Tasks.Where(t => t.InstanceId == started.Id).Select(t => t.Id).SingleAsync());

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        JsonNode? escalated = null;
        while (escalated is null)
        {
            await Task.Delay(100, timeout.Token);
            escalated = (await GetAsync(nurseClient, "/api/notifications"))["items"]!.AsArray().FirstOrDefault(n => Text(n!, "taskId") == task);
        }

        Assert.Equal("escalated", Text(escalated, "kind"));
    }

    [Fact]
    public async Task The_inbox_stream_tells_a_coordinator_of_changes_to_their_teams_tasks_and_of_their_notifications()
    {
        using var admin = await App.ClientAsync();
        var team = (await AdminApi.CreateTeamAsync(admin)).Id();
        var maria = await AdminApi.CreateUserAsync(admin, teams: [team]);
        using var mariaClient = await App.SignedInAsync(maria);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cancel.CancelAfter(TimeSpan.FromSeconds(20));
        using var response = await mariaClient.GetAsync("/api/inbox/stream", HttpCompletionOption.ResponseHeadersRead, cancel.Token);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancel.Token));
        Assert.Equal("event: ready", await EventStreams.NextEventAsync(reader, cancel.Token));

        // A task for another team is not hers to hear of; one for her team is, and so is its reassignment to her.
        await StartTaskAsync((await AdminApi.CreateTeamAsync(admin)).Id());
        var task = await StartTaskAsync(team);
        var created = await EventStreams.NextDataAsync(reader, "task", cancel.Token);
        Assert.Equal((task, "ready"), (Text(created, "taskId"), Text(created, "status")));

        (await admin.PostJsonAsync($"/api/tasks/{task}/reassign", new { user = maria.Id() })).EnsureSuccessStatusCode();
        var events = new[] { await EventStreams.NextEventAsync(reader, cancel.Token), await EventStreams.NextEventAsync(reader, cancel.Token) };
        Assert.Contains("event: notification", events);
    }

    private async Task<string> StartTaskAsync(string team) => (await App.TeamTaskAsync(team)).Task;

    private static async Task<string> EnsureTeamAsync(HttpClient admin, string id)
    {
        using var response = await admin.PostJsonAsync("/api/admin/teams", new { id, name = id });
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict);
        return id;
    }
}

public sealed class SqliteNotificationsEndpointsTests(SqliteApp app) : NotificationsEndpointsTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresNotificationsEndpointsTests(PostgresApp app) : NotificationsEndpointsTests(app), IClassFixture<PostgresApp>;

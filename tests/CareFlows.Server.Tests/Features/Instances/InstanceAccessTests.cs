using System.Net;
using System.Text.Json.Nodes;
using CareFlows.Server.Auth;
using CareFlows.Server.Tests.TestSupport;
using static CareFlows.Server.Tests.TestSupport.InboxClients;

namespace CareFlows.Server.Tests.Features.Instances;

/// <summary>
/// An instance's variables are patient data: a coordinator reads the instances of their own and their teams' tasks
/// only, by list or by guessing an id; clinical leads read none; auditors and admins every one.
/// </summary>
public sealed class InstanceAccessTests(SqliteApp app) : AppTests(app), IClassFixture<SqliteApp>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_coordinator_reads_the_instances_of_their_teams_tasks_and_no_others()
    {
        var team = await App.NewTeamAsync();
        using var coordinator = await App.CoordinatorAsync(team);
        var (_, ours) = await App.TeamTaskAsync(team);
        var (_, theirs) = await App.TeamTaskAsync(await App.NewTeamAsync());

        var listed = (await GetAsync(coordinator, "/api/instances?pageSize=200"))["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()).ToList();

        Assert.Equal([ours], listed);
        await GetAsync(coordinator, $"/api/instances/{ours}");
        foreach (var url in new[] { $"/api/instances/{theirs}", $"/api/instances/{theirs}/journal", $"/api/instances/{theirs}/stream" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await coordinator.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, Cancel)).StatusCode);
        }
    }

    [Fact]
    public async Task Clinical_leads_read_no_instance_and_auditors_read_every_one()
    {
        var (_, instance) = await App.TeamTaskAsync(await App.NewTeamAsync());
        using var lead = await App.ClientAsync(Roles.ClinicalLead);
        using var auditor = await App.ClientAsync(Roles.Auditor);

        Assert.Equal(HttpStatusCode.Forbidden, (await lead.GetAsync("/api/instances", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await lead.GetAsync($"/api/instances/{instance}", Cancel)).StatusCode);
        Assert.Equal(instance, (await GetAsync(auditor, $"/api/instances/{instance}"))["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Coordinators_do_not_read_the_metrics_that_measure_them()
    {
        using var coordinator = await App.ClientAsync(Roles.Coordinator);
        using var lead = await App.ClientAsync(Roles.ClinicalLead);

        Assert.Equal(HttpStatusCode.Forbidden, (await coordinator.GetAsync("/api/metrics", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await lead.GetAsync("/api/metrics", Cancel)).StatusCode);
    }

    [Fact]
    public async Task Only_administrators_cancel_an_instance()
    {
        var (_, instance) = await App.TeamTaskAsync(await App.NewTeamAsync());
        using var lead = await App.ClientAsync(Roles.ClinicalLead);
        using var admin = await App.ClientAsync(Roles.Admin);

        Assert.Equal(HttpStatusCode.Forbidden, (await lead.PostJsonAsync($"/api/instances/{instance}/cancel", new { })).StatusCode);
        using var cancelled = await admin.PostJsonAsync($"/api/instances/{instance}/cancel", new { reason = "Duplicate referral." });
        Assert.Equal("Cancelled", (await cancelled.ReadAsync<JsonObject>(HttpStatusCode.OK))["subStatus"]!.GetValue<string>());
    }
}

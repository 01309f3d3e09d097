using System.Net;
using System.Text.Json.Nodes;
using CareFlows.Server.Auth;
using CareFlows.Server.Infrastructure;
using CareFlows.Server.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using static CareFlows.Server.Tests.TestSupport.InboxClients;

namespace CareFlows.Server.Tests.Features.Access;

/// <summary>
/// Break-the-glass: a coordinator who states why reads a patient's tasks outside their teams for a while — read only,
/// flagged in the audit log with the reason, and over when the time is up.
/// </summary>
public sealed class BreakGlassTests(SqliteApp app) : AppTests(app), IClassFixture<SqliteApp>
{
    private const string Reason = "Covering the ward tonight: the patient called in with chest pain.";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_stated_reason_opens_another_teams_task_for_reading_only_and_flags_each_read()
    {
        using var outsider = await App.CoordinatorAsync(await App.NewTeamAsync());
        var (taskId, _) = await App.TeamTaskAsync(await App.NewTeamAsync());
        var patient = await QueryAsync(db => db.Tasks.Where(t => t.Id == taskId).Select(t => t.PatientId).SingleAsync(Cancel));
        Assert.Equal(HttpStatusCode.Forbidden, (await outsider.GetAsync($"/api/tasks/{taskId}", Cancel)).StatusCode);

        using var granted = await outsider.PostJsonAsync("/api/access/break-glass", new { patient, reason = Reason });
        var grant = await granted.ReadAsync<JsonObject>(HttpStatusCode.Created);

        Assert.Equal(Reason, grant["reason"]!.GetValue<string>());
        await GetAsync(outsider, $"/api/tasks/{taskId}");
        var read = await QueryAsync(db => db.AuditRecords.AsNoTracking().SingleAsync(r => r.EntityId == taskId && r.Operation == "task.read", Cancel));
        Assert.Equal((PurposesOfUse.EmergencyTreatment, Reason, patient), (read.PurposeOfUse, read.Reason, read.PatientId));
        var breakGlass = await QueryAsync(db => db.AuditRecords.AsNoTracking().SingleAsync(r => r.EntityId == grant["id"]!.GetValue<string>(), Cancel));
        Assert.Equal(("access.break-glass", PurposesOfUse.EmergencyTreatment, Reason), (breakGlass.Operation, breakGlass.PurposeOfUse, breakGlass.Reason));
        Assert.Equal(HttpStatusCode.Forbidden, (await outsider.PostAsync($"/api/tasks/{taskId}/claim", null, Cancel)).StatusCode);
    }

    [Fact]
    public async Task The_access_ends_when_its_time_is_up()
    {
        using var outsider = await App.CoordinatorAsync(await App.NewTeamAsync());
        var (taskId, _) = await App.TeamTaskAsync(await App.NewTeamAsync());
        var patient = await QueryAsync(db => db.Tasks.Where(t => t.Id == taskId).Select(t => t.PatientId).SingleAsync(Cancel));
        using var granted = await outsider.PostJsonAsync("/api/access/break-glass", new { patient, reason = Reason });
        var grant = await granted.ReadAsync<JsonObject>(HttpStatusCode.Created);
        await GetAsync(outsider, $"/api/tasks/{taskId}");
        var lasted = grant["expiresAt"]!.GetValue<DateTime>() - grant["grantedAt"]!.GetValue<DateTime>();

        // The hour passes: the grant is as old as its expiry.
        await QueryAsync(db => db.AccessGrants.Where(g => g.Id == grant["id"]!.GetValue<string>())
            .ExecuteUpdateAsync(s => s.SetProperty(g => g.ExpiresAt, g => g.GrantedAt), Cancel));

        Assert.Equal(TimeSpan.FromHours(1), lasted);
        Assert.Equal(HttpStatusCode.Forbidden, (await outsider.GetAsync($"/api/tasks/{taskId}", Cancel)).StatusCode);
        using var grants = await outsider.GetAsync("/api/access/grants", Cancel);
        Assert.Empty(await grants.ReadAsync<JsonArray>(HttpStatusCode.OK));
    }

    [Fact]
    public async Task Naming_the_task_opens_its_patients_tasks_without_saying_who_first()
    {
        using var outsider = await App.CoordinatorAsync(await App.NewTeamAsync());
        var (taskId, _) = await App.TeamTaskAsync(await App.NewTeamAsync());

        using var granted = await outsider.PostJsonAsync("/api/access/break-glass", new { task = taskId, reason = Reason });

        Assert.Equal("Patient/p-100", (await granted.ReadAsync<JsonObject>(HttpStatusCode.Created))["patient"]!.GetValue<string>());
        await GetAsync(outsider, $"/api/tasks/{taskId}");
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostJsonAsync("/api/access/break-glass", new { task = "no-such-task", reason = Reason })).StatusCode);
    }

    [Theory]
    [InlineData(null, "$.reason")]
    [InlineData("because", "$.reason")]
    public async Task No_reason_no_access(string? reason, string field)
    {
        using var coordinator = await App.CoordinatorAsync(await App.NewTeamAsync());

        var problem = await (await coordinator.PostJsonAsync("/api/access/break-glass", new { patient = "Patient/p-100", reason })).ProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Equal([field], problem.ErrorFields());
    }

    [Theory]
    [InlineData(Roles.ClinicalLead)]
    [InlineData(Roles.Auditor)]
    public async Task Only_coordinators_break_the_glass(string role)
    {
        using var client = await App.ClientAsync(role);

        var response = await client.PostJsonAsync("/api/access/break-glass", new { patient = "Patient/p-100", reason = Reason });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}

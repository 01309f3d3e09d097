using System.Net;
using System.Text.Json.Nodes;
using CareFlows.Server.Auth;
using CareFlows.Server.Features.Access;
using CareFlows.Server.Infrastructure;
using CareFlows.Server.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using static CareFlows.Server.Tests.TestSupport.InboxClients;

namespace CareFlows.Server.Tests.Features.Access;

/// <summary>
/// Break-the-glass: a coordinator who states why reads a patient's tasks outside their teams for a while — read only,
/// flagged in the audit log with the reason, and over when the time is up.
/// </summary>
public abstract class BreakGlassTests(CareFlowsApp app) : AppTests(app)
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

        using var auditor = await App.ClientAsync(Roles.Auditor);
        var timeline = await GetAsync(auditor, $"/api/audit/patients/timeline?patient={Uri.EscapeDataString(patient!)}");
        // Every test task is for the same patient: the outsider's entries are this test's.
        var outsiderId = Text(await GetAsync(outsider, "/api/auth/me"), "userId");
        var flagged = timeline["items"]!.AsArray()
            .Where(e => e!["actorId"]?.GetValue<string>() == outsiderId && e["purposeOfUse"]?.GetValue<string>() == PurposesOfUse.EmergencyTreatment).ToList();
        Assert.Equal(["access.break-glass", "task.read"], flagged.Select(e => e!["what"]!.GetValue<string>()));
        Assert.All(flagged, e => Assert.Equal(Reason, e!["reason"]!.GetValue<string>()));
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

    [Fact]
    public async Task A_task_read_through_a_grant_says_so_with_the_grants_end_and_reason()
    {
        using var outsider = await App.CoordinatorAsync(await App.NewTeamAsync());
        var (taskId, _) = await App.TeamTaskAsync(await App.NewTeamAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await outsider.GetAsync($"/api/tasks/{taskId}", Cancel)).StatusCode);
        using var granted = await outsider.PostJsonAsync("/api/access/break-glass", new { task = taskId, reason = Reason });
        var grant = await granted.ReadAsync<JsonObject>(HttpStatusCode.Created);

        var access = (await GetAsync(outsider, $"/api/tasks/{taskId}"))["access"]!.AsObject();

        Assert.True(access["throughGrant"]!.GetValue<bool>());
        Assert.Equal(grant["id"]!.GetValue<string>(), access["grantId"]!.GetValue<string>());
        Assert.Equal(grant["expiresAt"]!.GetValue<DateTime>(), access["grantExpiresAt"]!.GetValue<DateTime>());
        Assert.Equal(Reason, access["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_task_of_ones_own_team_is_read_as_such_even_with_a_grant_for_its_patient()
    {
        var team = await App.NewTeamAsync();
        using var coordinator = await App.CoordinatorAsync(team);
        var (taskId, _) = await App.TeamTaskAsync(team);
        using var granted = await coordinator.PostJsonAsync("/api/access/break-glass", new { task = taskId, reason = Reason });
        Assert.Equal(HttpStatusCode.Created, granted.StatusCode);
        using var auditor = await App.ClientAsync(Roles.Auditor);

        var read = await GetAsync(coordinator, $"/api/tasks/{taskId}");

        Assert.True(read.ContainsKey("access"));
        Assert.Null(read["access"]);
        Assert.Null((await GetAsync(auditor, $"/api/tasks/{taskId}"))["access"]);
        var record = await QueryAsync(db => db.AuditRecords.AsNoTracking().Where(r => r.EntityId == taskId && r.Operation == "task.read").OrderBy(r => r.Sequence).FirstAsync(Cancel));
        Assert.Equal((PurposesOfUse.Treatment, null), (record.PurposeOfUse, record.Reason));
    }

    [Fact]
    public async Task A_list_marks_the_tasks_shown_only_through_a_grant_and_its_search_is_flagged()
    {
        var team = await App.NewTeamAsync();
        using var outsider = await App.CoordinatorAsync(team);
        var (own, _) = await App.TeamTaskAsync(team);
        var (other, _) = await App.TeamTaskAsync(await App.NewTeamAsync());
        // A patient of this test's own, so that the list shows these two tasks and no other test's.
        var patient = $"Patient/{NewKey()}";
        await QueryAsync(db => db.Tasks.Where(t => t.Id == own || t.Id == other).ExecuteUpdateAsync(s => s.SetProperty(t => t.PatientId, patient), Cancel));
        using var granted = await outsider.PostJsonAsync("/api/access/break-glass", new { patient, reason = Reason });
        Assert.Equal(HttpStatusCode.Created, granted.StatusCode);
        var before = await QueryAsync(db => db.AuditRecords.MaxAsync(r => r.Sequence, Cancel));

        var page = await GetAsync(outsider, $"/api/tasks?queue=all&patient={Uri.EscapeDataString(patient)}");

        var items = page["items"]!.AsArray().ToDictionary(t => t!["id"]!.GetValue<string>(), t => t!["access"]);
        Assert.Equal(new[] { own, other }.Order(StringComparer.Ordinal), items.Keys.Order(StringComparer.Ordinal));
        Assert.Null(items[own]);
        Assert.Equal(Reason, items[other]!["reason"]!.GetValue<string>());
        var search = await QueryAsync(db => db.AuditRecords.AsNoTracking().SingleAsync(r => r.Sequence > before && r.Operation == "task.search", Cancel));
        Assert.Equal((PurposesOfUse.EmergencyTreatment, Reason), (search.PurposeOfUse, search.Reason));
    }

    [Fact]
    public async Task A_search_that_shows_nothing_through_a_grant_is_not_flagged()
    {
        var team = await App.NewTeamAsync();
        using var coordinator = await App.CoordinatorAsync(team);
        await App.TeamTaskAsync(team);
        var before = await QueryAsync(db => db.AuditRecords.MaxAsync(r => r.Sequence, Cancel));

        var page = await GetAsync(coordinator, $"/api/tasks?queue=team&team={team}");

        Assert.All(page["items"]!.AsArray(), t => Assert.Null(t!["access"]));
        var search = await QueryAsync(db => db.AuditRecords.AsNoTracking().SingleAsync(r => r.Sequence > before && r.Operation == "task.search", Cancel));
        Assert.Equal((PurposesOfUse.Treatment, null), (search.PurposeOfUse, search.Reason));
    }

    [Fact]
    public async Task The_terms_say_how_long_the_access_lasts_and_how_long_a_reason_must_be_before_anyone_asks()
    {
        using var coordinator = await App.CoordinatorAsync(await App.NewTeamAsync());

        var terms = await GetAsync(coordinator, "/api/access/break-glass");

        Assert.Equal("01:00:00", terms["duration"]!.GetValue<string>());
        Assert.Equal(60, terms["durationMinutes"]!.GetValue<int>());
        Assert.Equal(AccessEndpoints.MinReasonLength, terms["minimumReasonLength"]!.GetValue<int>());
        Assert.Equal(1024, terms["maximumReasonLength"]!.GetValue<int>());
        // The same numbers the server holds a request to: one character short of the minimum is refused.
        var shortReason = new string('x', terms["minimumReasonLength"]!.GetValue<int>() - 1);
        using var refused = await coordinator.PostJsonAsync("/api/access/break-glass", new { patient = "Patient/p-100", reason = shortReason });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
    }

    [Theory]
    [InlineData(90, "01:30:00", 90)]
    [InlineData(0.5, "00:00:30", 1)]
    [InlineData(1440, "1.00:00:00", 1440)]
    public void The_terms_follow_the_configured_duration_in_minutes_rounded_up(double minutes, string duration, int durationMinutes)
    {
        var terms = BreakGlassTermsResponse.Of(new AccessOptions { BreakGlassDuration = TimeSpan.FromMinutes(minutes) });

        Assert.Equal((duration, durationMinutes), (terms.Duration.ToString("c", System.Globalization.CultureInfo.InvariantCulture), terms.DurationMinutes));
    }
}

public sealed class SqliteBreakGlassTests(SqliteApp app) : BreakGlassTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresBreakGlassTests(PostgresApp app) : BreakGlassTests(app), IClassFixture<PostgresApp>;

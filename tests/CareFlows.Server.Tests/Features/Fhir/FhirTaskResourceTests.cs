// Firely's model marks every element nullable; a missing element fails its assertion, which is what a null check would do.
#nullable disable warnings
using CareFlows.Server.Tests.TestSupport;
using Hl7.Fhir.Model;
using Microsoft.EntityFrameworkCore;
using static CareFlows.Server.Tests.TestSupport.InboxClients;
using FhirTask = Hl7.Fhir.Model.Task;

namespace CareFlows.Server.Tests.Features.Fhir;

/// <summary>GET /fhir/Task/{id}: every mapped element of an open and of a completed task, read back with the Firely parser.</summary>
public abstract class FhirTaskResourceTests(CareFlowsApp app) : FhirTests(app)
{
    private const string CareFlowsFhir = "https://careflows.local/fhir";

    [Fact]
    public async System.Threading.Tasks.Task A_new_task_reads_as_a_ready_FHIR_Task_with_patient_pathway_instance_due_time_teams_and_form()
    {
        var team = await NewTeamAsync();
        var (taskId, instanceId) = await TeamTaskAsync(team);
        using var maria = await CoordinatorAsync(team);
        var stored = await QueryAsync(db => db.Tasks.AsNoTracking().SingleAsync(t => t.Id == taskId));
        var teamName = await QueryAsync(db => db.Teams.Where(t => t.Id == team).Select(t => t.Name).SingleAsync());

        var task = await ReadFhirAsync<FhirTask>(maria.Client, $"/fhir/Task/{taskId}");

        Assert.Equal((taskId, FhirTask.TaskStatus.Ready, FhirTask.TaskIntent.Order, RequestPriority.Urgent), (task.Id, task.Status, task.Intent, task.Priority));
        Assert.Equal("Interactive contact", task.BusinessStatus.Text);
        Assert.Equal("Call Rosa Diaz within two business days", task.Description);
        Assert.Equal("Confirm medications and book the follow-up visit for Rosa Diaz.", Assert.Single(task.Note).Text);
        Assert.Equal(("Patient/p-100", "Rosa Diaz", "MRN-100"), (task.For.Reference, task.For.Display, task.For.Identifier.Value));
        Assert.Equal("MR", Assert.Single(task.For.Identifier.Type.Coding).Code);
        Assert.Equal(("Discharge follow-up call", "test-inbox-task"), (task.Code.Text, Assert.Single(task.Code.Coding).Code));
        Assert.Equal((instanceId, $"{CareFlowsFhir}/NamingSystem/workflow-instance"), (task.Focus.Identifier.Value, task.Focus.Identifier.System));
        Assert.Equal(instanceId, task.GroupIdentifier.Value);
        Assert.Equal("HumanTask", Assert.Single(task.Meta.Tag).Code);
        Near(stored.CreatedAt, Utc(task.AuthoredOnElement));
        Near(stored.UpdatedAt, Utc(task.LastModifiedElement));
        Near(stored.CreatedAt, Utc(task.Restriction.Period.StartElement));
        Near(stored.DueAt, Utc(task.Restriction.Period.EndElement));
        Near(stored.FollowUpAt, Utc(Assert.IsType<FhirDateTime>(task.GetExtensionValue<FhirDateTime>($"{CareFlowsFhir}/StructureDefinition/task-follow-up"))));
        Assert.Null(task.ExecutionPeriod);
        Assert.Null(task.Owner);
        var performer = Assert.Single(Assert.Single(task.PerformerType).Coding);
        Assert.Equal(($"{CareFlowsFhir}/CodeSystem/team", team, teamName), (performer.System, performer.Code, performer.Display));
        Assert.Equal(teamName, task.PerformerType[0].Text);

        var painScore = Assert.Single(task.Input, i => i.Type.Coding[0].Code == "painScore");
        Assert.Equal("Pain score", painScore.Type.Text);
        Assert.Contains("\"type\":\"number\"", Assert.IsType<FhirString>(painScore.Value).Value, StringComparison.Ordinal);
        Assert.Equal(8, task.Input.Count(i => i.Type.Coding[0].System == $"{CareFlowsFhir}/CodeSystem/task-field"));
        Assert.Equal(["Reached", "NotReached"], task.Input.Where(i => i.Type.Coding[0].Code == "allowed-outcome").Select(i => ((FhirString)i.Value).Value));
        Assert.Empty(task.Output);
    }

    [Fact]
    public async System.Threading.Tasks.Task A_completed_task_shows_its_owner_execution_period_comments_attempts_outcome_and_data()
    {
        var team = await NewTeamAsync();
        var (taskId, _) = await TeamTaskAsync(team);
        using var maria = await CoordinatorAsync(team, "Maria Lopez");
        await PostAsync(maria.Client, $"/api/tasks/{taskId}/claim", null);
        await PostAsync(maria.Client, $"/api/tasks/{taskId}/comments", new { text = "Daughter asked for a call after 5pm." });
        await PostAsync(maria.Client, $"/api/tasks/{taskId}/attempts", new { channel = "phone", result = "no-answer", note = "voicemail full", at = "2026-03-02T15:00:00Z" });
        await PostAsync(maria.Client, $"/api/tasks/{taskId}/complete", new { outcome = "Reached", data = ValidData });
        var stored = await QueryAsync(db => db.Tasks.AsNoTracking().SingleAsync(t => t.Id == taskId));

        var task = await ReadFhirAsync<FhirTask>(maria.Client, $"/fhir/Task/{taskId}");

        Assert.Equal(FhirTask.TaskStatus.Completed, task.Status);
        Assert.Equal(($"Practitioner/{maria.Id}", "Maria Lopez"), (task.Owner.Reference, task.Owner.Display));
        Near(stored.StartedAt, Utc(task.ExecutionPeriod.StartElement));
        Near(stored.EndedAt, Utc(task.ExecutionPeriod.EndElement));
        Near(stored.EndedAt, Utc(task.LastModifiedElement));
        Assert.Equal(3, task.Note.Count);
        var comment = task.Note[1];
        Assert.Equal(("Daughter asked for a call after 5pm.", $"Practitioner/{maria.Id}", "Maria Lopez"),
            (comment.Text, Assert.IsType<ResourceReference>(comment.Author).Reference, ((ResourceReference)comment.Author).Display));
        Assert.NotNull(comment.Time);
        Assert.Equal("Outreach attempt by phone: no-answer. voicemail full", task.Note[2].Text);
        Assert.Equal(new DateTime(2026, 3, 2, 15, 0, 0, DateTimeKind.Utc), Utc(task.Note[2].TimeElement));

        Assert.Equal("Reached", Assert.IsType<FhirString>(Assert.Single(task.Output, o => o.Type.Coding[0].Code == "outcome").Value).Value);
        var painScore = Assert.Single(task.Output, o => o.Type.Coding[0].Code == "painScore");
        Assert.Equal(("Pain score", 3), (painScore.Type.Text, Assert.IsType<Integer>(painScore.Value).Value));
        Assert.True(Assert.IsType<FhirBoolean>(Assert.Single(task.Output, o => o.Type.Coding[0].Code == "reached").Value).Value);
        Assert.Equal("phone", ((FhirString)Assert.Single(task.Output, o => o.Type.Coding[0].Code == "channel").Value).Value);
        Assert.Equal("[\"transport\"]", ((FhirString)Assert.Single(task.Output, o => o.Type.Coding[0].Code == "concerns").Value).Value);
    }

    [Fact]
    public async System.Threading.Tasks.Task A_task_on_hold_gives_the_reason_and_the_answer_carries_its_version()
    {
        var team = await NewTeamAsync();
        var (taskId, _) = await TeamTaskAsync(team);
        using var maria = await CoordinatorAsync(team);
        await PostAsync(maria.Client, $"/api/tasks/{taskId}/claim", null);
        await PostAsync(maria.Client, $"/api/tasks/{taskId}/hold", new { reason = "waiting for the pharmacy" });

        using var response = await maria.Client.GetAsync($"/fhir/Task/{taskId}", TestContext.Current.CancellationToken);
        var task = await ReadFhirAsync<FhirTask>(maria.Client, $"/fhir/Task/{taskId}");

        Assert.Equal((FhirTask.TaskStatus.OnHold, "waiting for the pharmacy"), (task.Status, task.StatusReason.Text));
        Assert.Equal($"W/\"{task.Meta.VersionId}\"", response.Headers.ETag?.ToString());
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }
}

public sealed class SqliteFhirTaskResourceTests(SqliteApp app) : FhirTaskResourceTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresFhirTaskResourceTests(PostgresApp app) : FhirTaskResourceTests(app), IClassFixture<PostgresApp>;

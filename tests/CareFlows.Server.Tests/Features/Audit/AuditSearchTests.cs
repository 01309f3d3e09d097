using System.Net;
using System.Text.Json.Nodes;
using CareFlows.Server.Auth;
using CareFlows.Server.Features.Audit.Export;
using CareFlows.Server.Features.Audit.SearchRecords;
using CareFlows.Server.Infrastructure;
using CareFlows.Server.Tests.TestSupport;
using Hl7.Fhir.Serialization;
using Microsoft.EntityFrameworkCore;
using AuditEvent = Hl7.Fhir.Model.AuditEvent;
using Bundle = Hl7.Fhir.Model.Bundle;
using static CareFlows.Server.Tests.TestSupport.InboxClients;

namespace CareFlows.Server.Tests.Features.Audit;

/// <summary>
/// Auditors' questions to the audit log: filters, every order, paging, one record whole, CSV and FHIR exports that
/// read back to the same records, and an instance's and a patient's whole history.
/// </summary>
public abstract class AuditSearchTests(CareFlowsApp app) : AppTests(app)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Filters_find_a_coordinators_changes_and_reads_of_a_patient()
    {
        var (coordinatorId, taskId, patient) = await ClaimedTaskAsync();
        using var auditor = await App.ClientAsync(Roles.Auditor);

        var mine = await SearchAsync(auditor, $"actor={coordinatorId}&sort=sequence");
        Assert.Equal(["session.start", "task.read", "task.claim", "task.search"], Operations(mine));
        Assert.All(mine["items"]!.AsArray(), r => Assert.NotNull(r!["actorName"]));

        // Every test task is for the same patient: the coordinator's records about them are this test's.
        var aboutPatient = await SearchAsync(auditor, $"patient={Uri.EscapeDataString(patient)}&actor={coordinatorId}&sort=sequence");
        Assert.Equal(["task.read", "task.claim", "task.search"], Operations(aboutPatient));
        Assert.Empty(Operations(await SearchAsync(auditor, $"patient=Patient%2Fnobody&actor={coordinatorId}")));

        var claims = await SearchAsync(auditor, $"entityType=task&entityId={taskId}&action=U");
        Assert.Equal(["task.claim"], Operations(claims));
        Assert.Empty(Operations(await SearchAsync(auditor, $"entityId={taskId}&outcome=denied")));
    }

    [Fact]
    public async Task An_instance_is_found_as_an_entity_by_its_type_and_id_or_by_its_id_alone_and_a_task_by_its_id()
    {
        var (_, taskId, _) = await ClaimedTaskAsync();
        var instanceId = await QueryAsync(db => db.Tasks.Where(t => t.Id == taskId).Select(t => t.InstanceId).SingleAsync(Cancel));
        using var admin = await App.ClientAsync(Roles.Admin);
        await GetAsync(admin, $"/api/instances/{instanceId}");
        using var auditor = await App.ClientAsync(Roles.Auditor);

        var byType = await SearchAsync(auditor, $"entityType=instance&entityId={instanceId}&sort=sequence");
        var byId = await SearchAsync(auditor, $"entityId={instanceId}&sort=sequence");
        var ofInstance = await SearchAsync(auditor, $"instance={instanceId}&sort=sequence");

        Assert.Equal(["instance.start", "instance.read"], Operations(byType));
        Assert.Equal(Operations(byType), Operations(byId));
        Assert.Equal(["instance.start", "task.read", "task.claim", "instance.read"], Operations(ofInstance));
        Assert.Equal(["task.read", "task.claim"], Operations(await SearchAsync(auditor, $"entityId={taskId}&sort=sequence")));
        Assert.Empty(Operations(await SearchAsync(auditor, $"entityType=task&entityId={instanceId}")));
        Assert.Empty(Operations(await SearchAsync(auditor, $"entityType=instance&entityId={taskId}")));
    }

    [Fact]
    public async Task Every_order_is_accepted_and_pages_neither_repeat_nor_skip()
    {
        var (coordinatorId, _, _) = await ClaimedTaskAsync();
        using var auditor = await App.ClientAsync(Roles.Auditor);

        foreach (var sort in AuditRecordsQuery.Sorts)
        {
            await SearchAsync(auditor, $"sort={sort}&pageSize=5");
        }

        // The coordinator's four records, two to a page, by a key on which two of them are equal (the outcome).
        var sequences = new List<long>();
        for (var page = 1; page <= 3; page++)
        {
            var found = await SearchAsync(auditor, $"actor={coordinatorId}&sort=outcome&pageSize=2&page={page}");
            sequences.AddRange(found["items"]!.AsArray().Select(r => r!["sequence"]!.GetValue<long>()));
        }

        Assert.Equal(4, sequences.Distinct().Count());
        Assert.Equal(sequences.OrderDescending(), sequences);
    }

    [Theory]
    [InlineData("sort=hash", "sort")]
    [InlineData("action=X", "action")]
    [InlineData("outcome=maybe", "outcome")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("from=2026-12-01T00:00:00Z&to=2026-11-01T00:00:00Z", "to")]
    public async Task A_bad_filter_is_refused_naming_it(string query, string field)
    {
        using var auditor = await App.ClientAsync(Roles.Auditor);

        var problem = await (await auditor.GetAsync($"/api/audit/records?{query}", Cancel)).ProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Contains(problem.ErrorFields(), f => string.Equals(f, field, StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("patient")]
    [InlineData("actor")]
    [InlineData("entityId")]
    [InlineData("operation")]
    public async Task Text_in_a_filter_is_a_value_never_SQL(string filter)
    {
        using var auditor = await App.ClientAsync(Roles.Auditor);
        var before = await QueryAsync(db => db.AuditRecords.CountAsync(Cancel));

        var found = await SearchAsync(auditor, $"{filter}={Uri.EscapeDataString("x' OR '1'='1")}");

        Assert.Equal(0, found["total"]!.GetValue<int>());
        Assert.True(await QueryAsync(db => db.AuditRecords.CountAsync(Cancel)) > before);
    }

    [Fact]
    public async Task A_record_is_read_whole_with_the_task_before_and_after()
    {
        var (_, taskId, _) = await ClaimedTaskAsync();
        using var auditor = await App.ClientAsync(Roles.Auditor);
        var claim = (await SearchAsync(auditor, $"entityId={taskId}&operation=task.claim"))["items"]![0]!;

        var details = await GetAsync(auditor, $"/api/audit/records/{claim["sequence"]}");

        Assert.Equal(("ready", "in-progress"), (details["before"]!["status"]!.GetValue<string>(), details["after"]!["status"]!.GetValue<string>()));
        Assert.Equal(64, details["hash"]!.GetValue<string>().Length);
        Assert.Equal(HttpStatusCode.NotFound, (await auditor.GetAsync("/api/audit/records/999999999", Cancel)).StatusCode);
    }

    [Fact]
    public async Task The_csv_export_holds_every_matching_record_with_its_hash()
    {
        var (coordinatorId, _, _) = await ClaimedTaskAsync();
        using var auditor = await App.ClientAsync(Roles.Auditor);

        using var response = await auditor.GetAsync($"/api/audit/export.csv?actor={coordinatorId}", Cancel);
        var lines = (await response.Content.ReadAsStringAsync(Cancel)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal((HttpStatusCode.OK, "text/csv"), (response.StatusCode, response.Content.Headers.ContentType?.MediaType));
        Assert.StartsWith("sequence,occurredAt,actorType,actorId,actorName,operation", lines[0], StringComparison.Ordinal);
        Assert.Equal(4, lines.Length - 1);
        var hashes = await QueryAsync(db => db.AuditRecords.Where(r => r.ActorId == coordinatorId).OrderBy(r => r.Sequence).Select(r => r.Hash).ToListAsync(Cancel));
        Assert.Equal(hashes, lines.Skip(1).Select(l => l[(l.LastIndexOf(',') + 1)..]));
    }

    [Fact]
    public async Task The_FHIR_export_reads_back_as_AuditEvents()
    {
        var (coordinatorId, taskId, patient) = await ClaimedTaskAsync();
        using var auditor = await App.ClientAsync(Roles.Auditor);

        using var response = await auditor.GetAsync($"/api/audit/export.fhir?actor={coordinatorId}&pageSize=1", Cancel);
        var bundle = new FhirJsonDeserializer(new DeserializerSettings()).Deserialize<Bundle>(await response.Content.ReadAsStringAsync(Cancel));

        Assert.Equal((4, 1), (bundle.Total, bundle.Entry.Count));
        Assert.Contains(bundle.Link, l => l.Relation == "next" && l.Url!.Contains("page=2", StringComparison.Ordinal));
        var second = new FhirJsonDeserializer(new DeserializerSettings()).Deserialize<Bundle>(
            await (await auditor.GetAsync(bundle.Link.Single(l => l.Relation == "next").Url, Cancel)).Content.ReadAsStringAsync(Cancel));
        var read = Assert.IsType<AuditEvent>(second.Entry[0].Resource);
        Assert.Equal(AuditEvent.AuditEventAction.R, read.Action);
        Assert.NotNull(read.Subtype);
        Assert.Equal(("task.read", AuditEvents.OperationSystem), (read.Subtype[0].Code, read.Subtype[0].System));
        Assert.Equal(coordinatorId, read.Agent[0].Who!.Identifier!.Value);
        Assert.Equal(PurposesOfUse.Treatment, read.Agent[0].PurposeOfUse[0].Coding[0].Code);
        Assert.Equal(taskId, read.Entity[0].What!.Identifier!.Value);
        Assert.Contains(read.Entity, e => e.Role?.Code == "1" && e.What!.Reference!.EndsWith(patient, StringComparison.Ordinal));
        Assert.Equal(AuditEvent.AuditEventOutcome.N0, read.Outcome);
    }

    [Fact]
    public async Task An_instances_timeline_joins_its_journal_task_history_and_audit_records()
    {
        var team = await App.NewTeamAsync();
        using var coordinator = await App.CoordinatorAsync(team);
        var (taskId, instanceId) = await App.TeamTaskAsync(team);
        await PostClaimAsync(coordinator, taskId);
        using var auditor = await App.ClientAsync(Roles.Auditor);

        var timeline = await GetAsync(auditor, $"/api/audit/instances/{instanceId}/timeline");

        var items = timeline["items"]!.AsArray();
        Assert.Equal(["audit", "journal", "task"], items.Select(i => i!["source"]!.GetValue<string>()).Distinct().Order());
        Assert.Contains(items, i => i!["source"]!.GetValue<string>() == "audit" && i["what"]!.GetValue<string>() == "task.claim");
        var times = items.Select(i => i!["at"]!.GetValue<DateTime>()).ToList();
        Assert.Equal(times.Order(), times);
        Assert.Equal(HttpStatusCode.NotFound, (await auditor.GetAsync("/api/audit/instances/no-such-instance/timeline", Cancel)).StatusCode);
    }

    [Fact]
    public async Task A_patients_timeline_shows_who_read_and_changed_their_tasks()
    {
        var (coordinatorId, _, patient) = await ClaimedTaskAsync();
        using var auditor = await App.ClientAsync(Roles.Auditor);

        var timeline = await GetAsync(auditor, $"/api/audit/patients/timeline?patient={Uri.EscapeDataString(patient)}");

        var byCoordinator = timeline["items"]!.AsArray().Where(i => i!["actorId"]?.GetValue<string>() == coordinatorId).Select(i => i!["what"]!.GetValue<string>());
        Assert.Contains("task.read", byCoordinator);
        Assert.Contains("task.claim", byCoordinator);
    }

    [Theory]
    [InlineData(Roles.Coordinator)]
    [InlineData(Roles.ClinicalLead)]
    public async Task Only_auditors_and_admins_read_the_log(string role)
    {
        using var client = await App.ClientAsync(role);

        foreach (var url in new[] { "/api/audit/records", "/api/audit/records/1", "/api/audit/export.csv", "/api/audit/export.fhir", "/api/audit/patients/timeline?patient=p" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(url, Cancel)).StatusCode);
        }
    }

    [Fact]
    public async Task No_record_can_be_changed_or_deleted_through_the_API()
    {
        using var admin = await App.ClientAsync(Roles.Admin);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await admin.DeleteAsync("/api/audit/records/1", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await admin.SendJsonAsync(HttpMethod.Put, "/api/audit/records/1", new { outcome = "success" })).StatusCode);
    }

    /// <summary>A new coordinator reads then claims a task of their team: the coordinator's id, the task and its patient.</summary>
    private async Task<(string CoordinatorId, string TaskId, string Patient)> ClaimedTaskAsync()
    {
        var team = await App.NewTeamAsync();
        using var coordinator = await App.CoordinatorAsync(team);
        var coordinatorId = Text(await GetAsync(coordinator, "/api/auth/me"), "userId")!;
        var (taskId, _) = await App.TeamTaskAsync(team);
        await GetAsync(coordinator, $"/api/tasks/{taskId}");
        await PostClaimAsync(coordinator, taskId);
        await GetAsync(coordinator, $"/api/tasks?queue=mine");
        var patient = await QueryAsync(db => db.Tasks.Where(t => t.Id == taskId).Select(t => t.PatientId).SingleAsync(Cancel));
        return (coordinatorId, taskId, patient!);
    }

    private static async Task PostClaimAsync(HttpClient coordinator, string taskId)
    {
        using var claimed = await coordinator.PostAsync($"/api/tasks/{taskId}/claim", null, Cancel);
        Assert.Equal(HttpStatusCode.OK, claimed.StatusCode);
    }

    private static Task<JsonObject> SearchAsync(HttpClient auditor, string query) => GetAsync(auditor, $"/api/audit/records?{query}");

    private static List<string> Operations(JsonObject page) => [.. page["items"]!.AsArray().Select(r => r!["operation"]!.GetValue<string>())];
}

public sealed class SqliteAuditSearchTests(SqliteApp app) : AuditSearchTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresAuditSearchTests(PostgresApp app) : AuditSearchTests(app), IClassFixture<PostgresApp>;

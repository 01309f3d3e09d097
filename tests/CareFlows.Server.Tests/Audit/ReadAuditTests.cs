using System.Net;
using System.Text.Json.Nodes;
using CareFlows.Server.Audit;
using CareFlows.Server.Persistence.Entities;
using CareFlows.Server.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using static CareFlows.Server.Tests.TestSupport.InboxClients;

namespace CareFlows.Server.Tests.Audit;

/// <summary>Reads of patient data are recorded: who read which task, instance or search, for which patients.</summary>
public sealed class ReadAuditTests(SqliteApp app) : AppTests(app), IClassFixture<SqliteApp>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Reading_a_task_records_the_reader_and_its_patient()
    {
        var team = await App.NewTeamAsync();
        using var coordinator = await App.CoordinatorAsync(team);
        var (taskId, instanceId) = await App.TeamTaskAsync(team);
        var patient = await QueryAsync(db => db.Tasks.Where(t => t.Id == taskId).Select(t => t.PatientId).SingleAsync(Cancel));

        await GetAsync(coordinator, $"/api/tasks/{taskId}");

        var read = Assert.Single(await RecordsAsync(r => r.EntityId == taskId && r.Action == AuditActions.Read));
        Assert.Equal(("task.read", patient, instanceId), (read.Operation, read.PatientId, read.InstanceId));
        Assert.Equal(Text(await GetAsync(coordinator, "/api/auth/me"), "userId"), read.ActorId);
    }

    [Fact]
    public async Task A_search_records_its_query_and_the_patients_it_showed()
    {
        var team = await App.NewTeamAsync();
        using var coordinator = await App.CoordinatorAsync(team);
        var (taskId, _) = await App.TeamTaskAsync(team);
        var patient = await QueryAsync(db => db.Tasks.Where(t => t.Id == taskId).Select(t => t.PatientId).SingleAsync(Cancel));
        var before = await QueryAsync(db => db.AuditRecords.MaxAsync(r => r.Sequence, Cancel));

        await GetAsync(coordinator, $"/api/tasks?queue=team&team={team}");

        var search = Assert.Single(await RecordsAsync(r => r.Sequence > before && r.Operation == "task.search"));
        var found = JsonNode.Parse(search.After!)!;
        Assert.Equal(1, found["count"]!.GetValue<int>());
        Assert.Equal([patient], found["patients"]!.AsArray().Select(p => p!.GetValue<string>()));
        Assert.Contains($"team={team}", found["query"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_read_records_the_refusal_and_no_read()
    {
        using var outsider = await App.CoordinatorAsync(await App.NewTeamAsync());
        var (taskId, _) = await App.TeamTaskAsync(await App.NewTeamAsync());

        using var refused = await outsider.GetAsync($"/api/tasks/{taskId}", Cancel);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Empty(await RecordsAsync(r => r.EntityId == taskId));
        Assert.Single(await RecordsAsync(r => r.EntityId == $"GET /api/tasks/{taskId}" && r.Outcome == AuditOutcomes.Denied));
    }

    [Fact]
    public async Task Reading_an_instance_and_its_journal_is_recorded()
    {
        using var admin = await App.ClientAsync();
        var (_, instanceId) = await App.TeamTaskAsync(await App.NewTeamAsync());

        await GetAsync(admin, $"/api/instances/{instanceId}");
        await GetAsync(admin, $"/api/instances/{instanceId}/journal");

        Assert.Equal(
            ["instance.read", "instance.read-journal"],
            (await RecordsAsync(r => r.InstanceId == instanceId && r.Action == AuditActions.Read)).Select(r => r.Operation));
    }

    private Task<List<AuditRecord>> RecordsAsync(System.Linq.Expressions.Expression<Func<AuditRecord, bool>> filter) =>
        QueryAsync(db => db.AuditRecords.AsNoTracking().Where(filter).OrderBy(r => r.Sequence).ToListAsync(Cancel));
}

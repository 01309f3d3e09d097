using System.Net;
using System.Text.Json.Nodes;
using CareFlows.Server.Audit;
using CareFlows.Server.Infrastructure;
using CareFlows.Server.Persistence.Entities;
using CareFlows.Server.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using static CareFlows.Server.Tests.TestSupport.InboxClients;

namespace CareFlows.Server.Tests.Runtime;

/// <summary>
/// What a person asks the runtime to do is recorded in the audit log by the writer, in the transaction that commits it:
/// who, what, which patient, before and after; a change that loses a race commits nothing and records nothing.
/// </summary>
public abstract class RuntimeAuditTests(CareFlowsApp app) : AppTests(app)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_claim_is_recorded_with_its_actor_patient_and_the_task_before_and_after()
    {
        var team = await App.NewTeamAsync();
        using var coordinator = await App.CoordinatorAsync(team);
        var coordinatorId = Text(await GetAsync(coordinator, "/api/auth/me"), "userId");
        var (taskId, instanceId) = await App.TeamTaskAsync(team);
        coordinator.DefaultRequestHeaders.Add(RequestAuditing.CorrelationHeader, "call-center-42");

        using var claimed = await coordinator.PostAsync($"/api/tasks/{taskId}/claim", null, Cancel);
        await claimed.ReadAsync<JsonObject>(HttpStatusCode.OK);

        var record = Assert.Single(await RecordsAsync(r => r.EntityId == taskId));
        Assert.Equal("task.claim", record.Operation);
        Assert.Equal(AuditActions.Update, record.Action);
        Assert.Equal((AuditActorTypes.User, coordinatorId), (record.ActorType, record.ActorId));
        Assert.Equal(instanceId, record.InstanceId);
        Assert.Equal("test-inbox-task", record.DefinitionId);
        Assert.Equal("call-center-42", record.CorrelationId);
        Assert.Equal(PurposesOfUse.Treatment, record.PurposeOfUse);
        Assert.Equal(AuditOutcomes.Success, record.Outcome);
        Assert.Equal("ready", JsonNode.Parse(record.Before!)!["status"]!.GetValue<string>());
        var after = JsonNode.Parse(record.After!)!;
        Assert.Equal(("in-progress", coordinatorId), (after["status"]!.GetValue<string>(), after["owner"]!.GetValue<string>()));
        await AssertIntactAsync();
    }

    [Fact]
    public async Task Two_people_completing_one_task_at_once_leave_one_record()
    {
        var team = await App.NewTeamAsync();
        using var first = await App.CoordinatorAsync(team);
        using var second = await App.CoordinatorAsync(team);
        var (taskId, _) = await App.TeamTaskAsync(team);
        var body = new { outcome = "Reached", data = ValidData };

        var answers = await Task.WhenAll(
            first.PostJsonAsync($"/api/tasks/{taskId}/complete", body),
            second.PostJsonAsync($"/api/tasks/{taskId}/complete", body));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
        Assert.Single(await RecordsAsync(r => r.EntityId == taskId && r.Operation == "task.complete"));
        await AssertIntactAsync();
    }

    [Fact]
    public async Task A_refused_change_records_the_refusal_and_no_change()
    {
        var team = await App.NewTeamAsync();
        using var outsider = await App.CoordinatorAsync(await App.NewTeamAsync());
        var (taskId, _) = await App.TeamTaskAsync(team);

        using var refused = await outsider.PostAsync($"/api/tasks/{taskId}/claim", null, Cancel);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Empty(await RecordsAsync(r => r.EntityId == taskId));
        var refusal = Assert.Single(await RecordsAsync(r => r.EntityId == $"POST /api/tasks/{taskId}/claim"));
        Assert.Equal(("access.refused", AuditOutcomes.Denied), (refusal.Operation, refusal.Outcome));
        await AssertIntactAsync();
    }

    private Task<List<AuditRecord>> RecordsAsync(System.Linq.Expressions.Expression<Func<AuditRecord, bool>> filter) =>
        QueryAsync(db => db.AuditRecords.AsNoTracking().Where(filter).OrderBy(r => r.Sequence).ToListAsync(Cancel));

    private async Task AssertIntactAsync()
    {
        var result = await QueryAsync(db => AuditVerifier.VerifyAsync(db, App.Get<AuditCheckpointKey>(), Cancel));
        Assert.True(result.Intact, result.Problem);
    }
}

public sealed class SqliteRuntimeAuditTests(SqliteApp app) : RuntimeAuditTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresRuntimeAuditTests(PostgresApp app) : RuntimeAuditTests(app), IClassFixture<PostgresApp>;

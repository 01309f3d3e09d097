using CareFlows.Engine.Execution;
using CareFlows.Server.Persistence;
using CareFlows.Server.Persistence.Entities;
using CareFlows.Server.Runtime;
using CareFlows.Server.Tests.TestSupport;

namespace CareFlows.Server.Tests.Runtime;

/// <summary>
/// The writer's revision guard on its own: a batch whose instance moved on (another node committed first) writes
/// nothing, and its connection serves the next batch. On PostgreSQL the COMMIT travels with the writes, so the guard
/// must abort the transaction in the database.
/// </summary>
public abstract class StatementQueueTests(CareFlowsApp app) : AppTests(app)
{
    [Fact]
    public async Task A_stale_revision_rolls_back_the_whole_batch_and_the_connection_serves_the_next()
    {
        var ct = TestContext.Current.CancellationToken;
        var started = await Runtime.StartAsync("test-wait-for-event", null, new StartRequest { CorrelationId = NewKey() }, ct);
        var stored = (await InstanceAsync(started.Id))!;
        await using var writer = new RuntimeConnection(App.Get<DatabaseConnections>());

        await writer.BeginAsync(ct);
        var stale = new StatementQueue(writer);
        stale.Add(RuntimeSql.InsertJournal, [started.Id, 999L, DateTime.UtcNow, "probe", "Probe", TypedNull.Of((string?)null), "Log", "written before the guard"]);
        stale.Add(Update(writer), UpdateValues(stored, "Cancelled", stored.Revision - 1), conflictKey: started.Id);
        Assert.Equal(started.Id, Assert.Throws<InstanceConflictException>(stale.Flush).InstanceId);
        await writer.RollbackAsync(ct);

        Assert.DoesNotContain(await JournalAsync(started.Id), j => j.Sequence == 999);
        Assert.Equal((stored.Revision, stored.Status), await Revision(started.Id));

        await writer.BeginAsync(ct);
        var current = new StatementQueue(writer);
        current.Add(Update(writer), UpdateValues(stored, stored.Status, stored.Revision), conflictKey: started.Id);
        current.Flush();
        await writer.CommitAsync(ct);

        Assert.Equal((stored.Revision + 1, stored.Status), await Revision(started.Id));
    }

    private static string Update(RuntimeConnection writer) => writer.CommitsWithWrites ? RuntimeSql.UpdateInstanceOrFail : RuntimeSql.UpdateInstance;

    private static object?[] UpdateValues(WorkflowInstanceRecord stored, string status, long revision) =>
    [
        stored.Id, TypedNull.Of(stored.Name), TypedNull.Of(stored.CorrelationId), status, stored.SubStatus, stored.IncidentCount, stored.State,
        DateTime.UtcNow, TypedNull.Of((DateTime?)null), revision,
    ];

    private async Task<(long, string)> Revision(string id)
    {
        var instance = (await InstanceAsync(id))!;
        return (instance.Revision, instance.Status);
    }
}

public sealed class SqliteStatementQueueTests(SqliteApp app) : StatementQueueTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresStatementQueueTests(PostgresApp app) : StatementQueueTests(app), IClassFixture<PostgresApp>;

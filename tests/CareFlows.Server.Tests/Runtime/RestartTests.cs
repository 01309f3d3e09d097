using System.Diagnostics;
using CareFlows.Engine.Execution;
using CareFlows.Server.Persistence;
using CareFlows.Server.Runtime;
using CareFlows.Server.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CareFlows.Server.Tests.Runtime;

/// <summary>An instance outlives the host: a timer that came due while no server ran fires as soon as one starts.</summary>
public abstract class RestartTests(DatabaseProvider provider)
{
    [Fact]
    public async Task A_delay_that_came_due_while_the_server_was_down_fires_at_once_on_the_next_start()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(provider);
        string instanceId;
        await using (var first = database.StartHost())
        {
            _ = first.Server;
            var started = await first.Get<WorkflowRuntime>().StartAsync(
                "test-delay", null, new StartRequest { Input = new Dictionary<string, object?> { ["delay"] = "00:00:05" } }, cancellation);
            Assert.Equal(WorkflowSubStatus.Suspended, started.SubStatus);
            instanceId = started.Id;
        }

        // The host is gone; the delay comes due five seconds into these ten.
        await Task.Delay(TimeSpan.FromSeconds(10), cancellation);

        await using var second = database.StartHost();
        var clock = Stopwatch.StartNew();
        _ = second.Server;
        var finished = await second.WaitForAsync(instanceId, nameof(WorkflowSubStatus.Finished), TimeSpan.FromSeconds(5));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"Resumed {clock.Elapsed} after the restart.");
        var journal = await second.QueryAsync(db => db.Journal.Where(j => j.InstanceId == instanceId).ToListAsync(cancellation));
        Assert.Single(journal, j => j.ActivityId == "delay" && j.EventName == "Completed");
        Assert.Single(journal, j => j.ActivityId == "after" && j.EventName == "Log");
        Assert.Equal(2, finished.Revision);
    }
}

public sealed class SqliteRestartTests() : RestartTests(DatabaseProvider.Sqlite);

public sealed class PostgresRestartTests() : RestartTests(DatabaseProvider.Postgres);

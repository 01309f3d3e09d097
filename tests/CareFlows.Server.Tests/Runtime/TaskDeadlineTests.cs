using System.Text.Json.Nodes;
using CareFlows.Engine.Execution;
using CareFlows.Server.Auth;
using CareFlows.Server.Inbox;
using CareFlows.Server.Persistence;
using CareFlows.Server.Persistence.Entities;
using CareFlows.Server.Runtime;
using CareFlows.Server.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using static CareFlows.Server.Tests.TestSupport.InboxClients;

namespace CareFlows.Server.Tests.Runtime;

/// <summary>A task's deadlines, fired by Quartz on the real host: escalation, the Overdue and Expired ports, deadlines met or moot.</summary>
public abstract class TaskDeadlineTests(CareFlowsApp app) : AppTests(app)
{
    private static readonly TaskRequester Admin = new("deadline-admin", new HashSet<string> { Roles.Admin });

    [Fact]
    public async Task Nobody_claiming_the_task_in_time_escalates_it_and_the_flow_continues_from_Overdue_while_it_stays_open()
    {
        var (instanceId, taskId) = await StartAsync("test-task-overdue");

        await WaitForLogAsync(instanceId, "overdue");

        var task = await TaskAsync(taskId);
        Assert.Equal((InboxTaskStatus.Ready, "stat", (string?)null), (task.Status, task.Priority, task.Owner));
        Assert.Equal(["escalations"], await TeamsAsync(taskId));
        var queue = await QueryAsync(db => db.TaskTeams.SingleAsync(q => q.TaskId == taskId));
        Assert.Equal((true, 3), (queue.Queued, queue.PriorityRank));
        var escalated = (await HistoryAsync(taskId)).Single(h => h.Action == "escalated");
        var details = JsonNode.Parse(escalated.Details!)!;
        Assert.Equal(("notStarted", "escalations", "routine", "stat"), (Text(details, "deadline"), Text(details, "reassignTo"), Text(details, "fromPriority"), Text(details, "priority")));
        Assert.Equal("Suspended", (await InstanceAsync(instanceId))!.SubStatus);
        Assert.Contains(await JournalAsync(instanceId), j => j.ActivityId == "call" && j.EventName == "Resumed");
    }

    [Fact]
    public async Task A_task_claimed_in_time_meets_its_not_started_deadline_and_nothing_escalates()
    {
        var (instanceId, taskId) = await StartAsync("test-task-overdue");
        Assert.Equal(TaskOutcomeStatus.Done, (await Runtime.ClaimTaskAsync(taskId, Admin, TestContext.Current.CancellationToken)).Status);

        await WaitForAsync(() => QueryAsync(db => db.Bookmarks.CountAsync(b => b.InstanceId == instanceId && b.Kind == "Timer")), count => count == 0);

        Assert.DoesNotContain(await JournalAsync(instanceId), j => j.Message == "overdue");
        Assert.Equal(["created", "claimed"], (await HistoryAsync(taskId)).Select(h => h.Action));
        Assert.Equal(InboxTaskStatus.InProgress, (await TaskAsync(taskId)).Status);
    }

    [Fact]
    public async Task A_task_not_done_by_its_due_time_expires_and_the_flow_continues_from_Expired()
    {
        var (instanceId, taskId) = await StartAsync("test-task-expired");

        await WaitForAsync(instanceId, "Finished", TimeSpan.FromSeconds(15));

        Assert.Contains(await JournalAsync(instanceId), j => j.Message == "expired");
        Assert.Equal(InboxTaskStatus.Cancelled, (await TaskAsync(taskId)).Status);
        Assert.Equal(["created", "escalated", "expired"], (await HistoryAsync(taskId)).Select(h => h.Action));
    }

    [Fact]
    public async Task A_completed_task_s_deadline_does_nothing()
    {
        var (instanceId, taskId) = await StartAsync("test-task-expired");

        var done = await Runtime.CompleteTaskAsync(taskId, Admin, "Reached", null, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(TaskOutcomeStatus.Done, done.Status);
        await Task.Delay(TimeSpan.FromSeconds(2), TestContext.Current.CancellationToken);

        Assert.Empty(await QueryAsync(db => db.Bookmarks.Where(b => b.InstanceId == instanceId).ToListAsync()));
        Assert.DoesNotContain(await JournalAsync(instanceId), j => j.Message == "expired");
        Assert.Equal(["created", "claimed", "completed"], (await HistoryAsync(taskId)).Select(h => h.Action));
        Assert.Equal(InboxTaskStatus.Completed, (await TaskAsync(taskId)).Status);
    }

    private async Task<(string InstanceId, string TaskId)> StartAsync(string definitionId)
    {
        var started = await Runtime.StartAsync(definitionId, null, new StartRequest { CorrelationId = NewKey() }, TestContext.Current.CancellationToken);
        var taskId = await QueryAsync(db => db.Tasks.Where(t => t.InstanceId == started.Id).Select(t => t.Id).SingleAsync());
        return (started.Id, taskId);
    }

    private Task WaitForLogAsync(string instanceId, string message) =>
        WaitForAsync(() => QueryAsync(db => db.Journal.CountAsync(j => j.InstanceId == instanceId && j.Message == message)), count => count > 0);

    private static async Task WaitForAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while (!done(await read()))
        {
            await Task.Delay(100, timeout.Token);
        }
    }

    private Task<InboxTaskRecord> TaskAsync(string taskId) => QueryAsync(db => db.Tasks.AsNoTracking().SingleAsync(t => t.Id == taskId));

    private Task<List<string>> TeamsAsync(string taskId) => QueryAsync(db => db.TaskTeams.Where(t => t.TaskId == taskId).Select(t => t.Team).ToListAsync());

    private Task<List<InboxTaskHistoryRecord>> HistoryAsync(string taskId) =>
        QueryAsync(db => db.TaskHistory.Where(h => h.TaskId == taskId).OrderBy(h => h.Id).ToListAsync());
}

public sealed class SqliteTaskDeadlineTests(SqliteApp app) : TaskDeadlineTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresTaskDeadlineTests(PostgresApp app) : TaskDeadlineTests(app), IClassFixture<PostgresApp>;

/// <summary>A deadline that came due while no server ran escalates its task as soon as one starts.</summary>
public abstract class TaskDeadlineRestartTests(DatabaseProvider provider)
{
    [Fact]
    public async Task A_deadline_missed_while_the_server_was_down_escalates_on_the_next_start()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(provider);
        string instanceId;
        await using (var first = database.StartHost())
        {
            _ = first.Server;
            instanceId = (await first.Get<WorkflowRuntime>().StartAsync("test-task-overdue", null, new StartRequest(), cancellation)).Id;
        }

        await Task.Delay(TimeSpan.FromSeconds(2), cancellation);

        await using var second = database.StartHost();
        _ = second.Server;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while (!await second.QueryAsync(db => db.TaskHistory.AnyAsync(h => h.Action == "escalated" && db.Tasks.Any(t => t.Id == h.TaskId && t.InstanceId == instanceId), cancellation)))
        {
            await Task.Delay(100, timeout.Token);
        }

        var task = await second.QueryAsync(db => db.Tasks.SingleAsync(t => t.InstanceId == instanceId, cancellation));
        Assert.Equal(("stat", InboxTaskStatus.Ready), (task.Priority, task.Status));
        Assert.Contains(await second.QueryAsync(db => db.Journal.Where(j => j.InstanceId == instanceId).ToListAsync(cancellation)), j => j.Message == "overdue");
    }
}

public sealed class SqliteTaskDeadlineRestartTests() : TaskDeadlineRestartTests(DatabaseProvider.Sqlite);

public sealed class PostgresTaskDeadlineRestartTests() : TaskDeadlineRestartTests(DatabaseProvider.Postgres);

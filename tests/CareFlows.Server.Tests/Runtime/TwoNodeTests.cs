using CareFlows.Engine.Execution;
using CareFlows.Server.Auth;
using CareFlows.Server.Inbox;
using CareFlows.Server.Persistence.Entities;
using CareFlows.Server.Persistence;
using CareFlows.Server.Runtime;
using CareFlows.Server.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CareFlows.Server.Tests.Runtime;

/// <summary>
/// Two nodes on one PostgreSQL database, each with its own writer, racing for the same instances and events.
/// (SQLite is one node's file, so this is PostgreSQL's alone.)
/// </summary>
public sealed class TwoNodeTests
{
    [Fact]
    public async Task An_event_racing_the_resume_that_reaches_its_wait_point_on_another_node_is_neither_lost_nor_applied_twice()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var nodes = await TwoNodes.StartAsync();
        var (first, second) = (nodes.First, nodes.Second);
        var one = first.Get<WorkflowRuntime>();
        var other = second.Get<WorkflowRuntime>();
        var keys = Enumerable.Range(0, 200).Select(i => $"two-nodes-{i}-{Guid.NewGuid():N}").ToList();
        var started = await Task.WhenAll(keys.Select(k => one.StartAsync("test-two-events", null, new StartRequest { CorrelationId = k }, ct)));
        var ids = started.Select(s => s.Id).ToList();
        var referrals = await first.QueryAsync(db => db.Bookmarks.Where(b => ids.Contains(b.InstanceId)).ToDictionaryAsync(b => b.InstanceId, b => b.Id, ct));

        // One node resumes each instance past its first wait point, to the second; the other node publishes the
        // event that second wait point needs at the same moment, and often looks it up while the wait point is
        // being created and not yet committed.
        var races = started.Zip(keys).SelectMany(pair => new Func<Task>[]
        {
            () => one.ResumeAsync(pair.First.Id, referrals[pair.First.Id], null, ct),
            () => other.PublishEventAsync("Scheduled", pair.Second, null, pair.Second + "-scheduled", ct),
        });
        await Task.WhenAll(races.Select(race => Task.Run(race, ct)));

        foreach (var instance in started)
        {
            Assert.Equal("Finished", (await first.InstanceAsync(instance.Id))!.SubStatus);
            var journal = await first.QueryAsync(db => db.Journal.Where(j => j.InstanceId == instance.Id).ToListAsync(ct));
            Assert.Single(journal, j => j.ActivityId == "scheduled" && j.EventName == "Completed");
        }

        Assert.Empty(await first.QueryAsync(db => db.BufferedEvents.Where(e => keys.Contains(e.CorrelationKey!)).ToListAsync(ct)));
    }

    [Fact]
    public async Task A_bookmark_resumed_on_two_nodes_at_once_is_resumed_once()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var nodes = await TwoNodes.StartAsync();
        var (first, second) = (nodes.First, nodes.Second);
        var runtimes = new[] { first.Get<WorkflowRuntime>(), second.Get<WorkflowRuntime>() };
        var started = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ =>
            runtimes[0].StartAsync("test-wait-for-event", null, new StartRequest { CorrelationId = $"two-nodes-{Guid.NewGuid():N}" }, ct)));
        var ids = started.Select(s => s.Id).ToList();
        var bookmarks = await first.QueryAsync(db => db.Bookmarks.Where(b => ids.Contains(b.InstanceId)).ToDictionaryAsync(b => b.InstanceId, b => b.Id, ct));

        // Each node reads an instance while the other may be committing its resume: the loser's update finds the
        // revision moved on, its whole transaction rolls back, and the retry sees the bookmark consumed.
        var resumes = ids.SelectMany(id => Enumerable.Range(0, 6).Select(i => (Node: runtimes[i % 2], Id: id)));
        var outcomes = await Task.WhenAll(resumes.Select(r => Task.Run(() => r.Node.ResumeAsync(r.Id, bookmarks[r.Id], null, ct), ct)));

        Assert.Equal(40, outcomes.Count(o => o.Status == ResumeStatus.Resumed));
        Assert.Equal(200, outcomes.Count(o => o.Status is ResumeStatus.BookmarkNotOpen or ResumeStatus.InstanceFinished));
        foreach (var id in ids)
        {
            var journal = await first.QueryAsync(db => db.Journal.Where(j => j.InstanceId == id).OrderBy(j => j.Sequence).ToListAsync(ct));
            Assert.Single(journal, j => j.ActivityId == "decided" && j.EventName == "Log");
            Assert.Equal(Enumerable.Range(1, journal.Count).Select(i => (long)i), journal.Select(j => j.Sequence));
            Assert.Equal(2, (await first.InstanceAsync(id))!.Revision);
        }
    }

    [Fact]
    public async Task An_event_prepared_from_a_node_s_stale_copy_of_an_instance_is_prepared_again_on_what_committed()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var nodes = await TwoNodes.StartAsync();
        var (first, second) = (nodes.First, nodes.Second);
        var one = first.Get<WorkflowRuntime>();
        var other = second.Get<WorkflowRuntime>();
        var keys = Enumerable.Range(0, 20).Select(i => $"stale-{i}-{Guid.NewGuid():N}").ToList();
        var started = await Task.WhenAll(keys.Select(k => one.StartAsync("test-wait-for-event", null, new StartRequest { CorrelationId = k }, ct)));

        // The first node remembers each instance waiting for its decision; the second node delivers it.
        foreach (var key in keys)
        {
            Assert.Equal(EventDisposition.Delivered, (await other.PublishEventAsync("PayerDecision", key, null, key + "-a", ct)).Disposition);
        }

        // A second decision on the first node meets its remembered wait point, which the writer finds gone: it is read
        // again, finds no one waiting, and is buffered, never applied to the finished instance.
        foreach (var key in keys)
        {
            Assert.Equal(EventDisposition.Buffered, (await one.PublishEventAsync("PayerDecision", key, null, key + "-b", ct)).Disposition);
        }

        foreach (var instance in started)
        {
            var journal = await first.QueryAsync(db => db.Journal.Where(j => j.InstanceId == instance.Id).ToListAsync(ct));
            Assert.Single(journal, j => j.ActivityId == "decided" && j.EventName == "Log");
            Assert.Equal("Finished", (await first.InstanceAsync(instance.Id))!.SubStatus);
        }
    }

    [Fact]
    public async Task A_task_completed_and_claimed_on_two_nodes_at_once_is_completed_once()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var nodes = await TwoNodes.StartAsync();
        var (first, second) = (nodes.First, nodes.Second);
        var runtimes = new[] { first.Get<WorkflowRuntime>(), second.Get<WorkflowRuntime>() };
        var admin = new TaskRequester("two-nodes-admin", new HashSet<string> { Roles.Admin });
        var input = new Dictionary<string, object?> { ["name"] = "Race", ["teams"] = new[] { "two-nodes" }, ["priority"] = "routine" };
        var started = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => runtimes[0].StartAsync("test-inbox-queue-task", null, new StartRequest { Input = input }, ct)));
        var ids = started.Select(s => s.Id).ToList();
        var tasks = await first.QueryAsync(db => db.Tasks.Where(t => ids.Contains(t.InstanceId)).ToDictionaryAsync(t => t.InstanceId, t => t.Id, ct));

        // Each node completes each task while the other claims it or completes it too: a batch decided on a revision of
        // the task (or its instance) that the other node has since moved is rolled back and decided again.
        var requests = ids.SelectMany(id => Enumerable.Range(0, 6).Select(i => (Node: runtimes[i % 2], Task: tasks[id], Claim: i % 3 == 2)));
        var outcomes = await Task.WhenAll(requests.Select(r => Task.Run(
            () => r.Claim ? r.Node.ClaimTaskAsync(r.Task, admin, ct) : r.Node.CompleteTaskAsync(r.Task, admin, "Done", null, cancellationToken: ct), ct)));

        Assert.DoesNotContain(outcomes, o => o.Status is not (TaskOutcomeStatus.Done or TaskOutcomeStatus.Conflict));
        foreach (var id in ids)
        {
            var task = await first.QueryAsync(db => db.Tasks.SingleAsync(t => t.InstanceId == id, ct));
            var history = await first.QueryAsync(db => db.TaskHistory.Where(h => h.TaskId == task.Id).Select(h => h.Action).ToListAsync(ct));
            Assert.Equal(InboxTaskStatus.Completed, task.Status);
            Assert.Single(history, a => a == "completed");
            Assert.True(history.Count(a => a == "claimed") <= 1);
            Assert.Equal("Finished", (await first.InstanceAsync(id))!.SubStatus);
            var journal = await first.QueryAsync(db => db.Journal.Where(j => j.InstanceId == id).ToListAsync(ct));
            Assert.Single(journal, j => j.ActivityId == "call" && j.EventName == "Completed");
        }
    }

    /// <summary>Two hosts on one fresh PostgreSQL database, the second started once the first has migrated it.</summary>
    private sealed class TwoNodes : IAsyncDisposable
    {
        private readonly TestDatabase _database;

        private TwoNodes(TestDatabase database, SharedDatabaseApp first, SharedDatabaseApp second)
        {
            _database = database;
            First = first;
            Second = second;
        }

        public SharedDatabaseApp First { get; }

        public SharedDatabaseApp Second { get; }

        public static async Task<TwoNodes> StartAsync()
        {
            var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
            var first = database.StartHost();
            _ = first.Server;
            var second = database.StartHost();
            _ = second.Server;
            return new TwoNodes(database, first, second);
        }

        public async ValueTask DisposeAsync()
        {
            await Second.DisposeAsync();
            await First.DisposeAsync();
            await _database.DisposeAsync();
        }
    }
}

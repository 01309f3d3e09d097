using System.Text.Json.Nodes;
using CareFlows.Engine.Bookmarks;
using CareFlows.Engine.Execution;
using CareFlows.Server.Runtime;
using CareFlows.Server.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CareFlows.Server.Tests.Runtime;

public abstract class WorkflowRuntimeTests(CareFlowsApp app) : AppTests(app)
{
    [Fact]
    public async Task A_started_instance_suspends_on_its_event_and_the_event_finishes_it()
    {
        var key = NewKey();
        var started = await Runtime.StartAsync("test-wait-for-event", null, new StartRequest { CorrelationId = key }, TestContext.Current.CancellationToken);
        Assert.Equal(WorkflowSubStatus.Suspended, started.SubStatus);
        var bookmark = Assert.Single(await QueryAsync(db => db.Bookmarks.Where(b => b.InstanceId == started.Id).ToListAsync()));
        Assert.Equal(("Event", "PayerDecision", key), (bookmark.Kind, bookmark.EventName, bookmark.CorrelationKey));

        var outcome = await Runtime.PublishEventAsync("PayerDecision", key, JsonNode.Parse("""{"approved":true}"""), null, TestContext.Current.CancellationToken);

        Assert.Equal(EventDisposition.Delivered, outcome.Disposition);
        Assert.Equal([started.Id], outcome.Resumed);
        var instance = await InstanceAsync(started.Id);
        Assert.Equal("Finished", instance!.SubStatus);
        Assert.Equal(2, instance.Revision);
        Assert.Empty(await QueryAsync(db => db.Bookmarks.Where(b => b.InstanceId == started.Id).ToListAsync()));
        var journal = await JournalAsync(started.Id);
        Assert.Equal(Enumerable.Range(1, journal.Count).Select(i => (long)i), journal.Select(j => j.Sequence));
        Assert.Contains(journal, j => j.ActivityId == "decided" && j.EventName == "Log" && j.Message == "decided");
    }

    [Fact]
    public async Task An_event_that_arrives_before_the_wait_point_is_buffered_and_applied_when_the_instance_gets_there()
    {
        var key = NewKey();
        var early = await Runtime.PublishEventAsync("PayerDecision", key, JsonNode.Parse("""{"approved":false}"""), null, TestContext.Current.CancellationToken);
        Assert.Equal(EventDisposition.Buffered, early.Disposition);

        var started = await Runtime.StartAsync("test-wait-for-event", null, new StartRequest { CorrelationId = key }, TestContext.Current.CancellationToken);

        Assert.Equal(WorkflowSubStatus.Finished, started.SubStatus);
        Assert.Empty(await QueryAsync(db => db.BufferedEvents.Where(e => e.CorrelationKey == key).ToListAsync()));
    }

    [Fact]
    public async Task An_event_with_an_idempotency_key_already_seen_is_acknowledged_but_not_applied_again()
    {
        var key = NewKey();
        var started = await Runtime.StartAsync("test-tick-loop", null, new StartRequest { CorrelationId = key }, TestContext.Current.CancellationToken);
        var idempotencyKey = NewKey();

        var first = await Runtime.PublishEventAsync("Tick", key, null, idempotencyKey, TestContext.Current.CancellationToken);
        var second = await Runtime.PublishEventAsync("Tick", key, null, idempotencyKey, TestContext.Current.CancellationToken);

        Assert.Equal(EventDisposition.Delivered, first.Disposition);
        Assert.Equal(EventDisposition.Duplicate, second.Disposition);
        var state = (await InstanceAsync(started.Id))!.State;
        Assert.Equal(1, JsonNode.Parse(state)!["variables"]!["Count"]!.GetValue<int>());
    }

    [Fact]
    public async Task Fifty_parallel_events_against_one_instance_apply_exactly_once_each()
    {
        var key = NewKey();
        var started = await Runtime.StartAsync("test-tick-loop", null, new StartRequest { CorrelationId = key }, TestContext.Current.CancellationToken);

        // Each tick twice, under the same idempotency key: the copies must be recognised, whatever the interleaving.
        var keys = Enumerable.Range(0, 50).Select(_ => NewKey()).ToList();
        var outcomes = await Task.WhenAll(keys.Concat(keys).Select(k => Task.Run(() => Runtime.PublishEventAsync("Tick", key, null, k, TestContext.Current.CancellationToken))));

        Assert.Equal(50, outcomes.Count(o => o.Disposition == EventDisposition.Delivered));
        Assert.Equal(50, outcomes.Count(o => o.Disposition == EventDisposition.Duplicate));
        var instance = await InstanceAsync(started.Id);
        Assert.Equal("Finished", instance!.SubStatus);
        var journal = await JournalAsync(started.Id);
        Assert.Equal(50, journal.Count(j => j.ActivityId == "increment" && j.EventName == "Completed"));
        Assert.Equal(50, JsonNode.Parse(instance.State)!["variables"]!["Count"]!.GetValue<int>());
    }

    [Fact]
    public async Task Fifty_parallel_resumes_of_one_bookmark_resume_it_once_and_report_the_rest_as_already_consumed()
    {
        var started = await Runtime.StartAsync("test-wait-for-event", null, new StartRequest { CorrelationId = NewKey() }, TestContext.Current.CancellationToken);
        var bookmarkId = (await QueryAsync(db => db.Bookmarks.SingleAsync(b => b.InstanceId == started.Id))).Id;

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() => Runtime.ResumeAsync(started.Id, bookmarkId, null, TestContext.Current.CancellationToken))));

        Assert.Equal(1, outcomes.Count(o => o.Status == ResumeStatus.Resumed));
        Assert.Equal(49, outcomes.Count(o => o.Status is ResumeStatus.BookmarkNotOpen or ResumeStatus.InstanceFinished));
        var journal = await JournalAsync(started.Id);
        Assert.Single(journal, j => j.ActivityId == "decided" && j.EventName == "Log");
    }

    [Fact]
    public async Task Events_published_together_resume_their_own_instances_once_and_buffer_the_rest()
    {
        var ct = TestContext.Current.CancellationToken;
        var keys = Enumerable.Range(0, 20).Select(_ => NewKey()).ToList();
        var started = await Task.WhenAll(keys.Select(k => Runtime.StartAsync("test-wait-for-event", null, new StartRequest { CorrelationId = k }, ct)));
        var early = Enumerable.Range(0, 5).Select(_ => NewKey()).ToList();

        // Arriving together, these share batches: each event's receipt, bookmarks and instance are read up front.
        var deliveries = keys.Select(k => (Key: k, Idempotency: k + "-decision"))
            .Concat(keys.Take(10).Select(k => (Key: k, Idempotency: k + "-decision")))
            .Concat(early.Select(k => (Key: k, Idempotency: k + "-decision")));
        var outcomes = await Task.WhenAll(deliveries.Select(d => Task.Run(() => Runtime.PublishEventAsync("PayerDecision", d.Key, null, d.Idempotency, ct), ct)));

        Assert.Equal(20, outcomes.Count(o => o.Disposition == EventDisposition.Delivered));
        Assert.Equal(10, outcomes.Count(o => o.Disposition == EventDisposition.Duplicate));
        Assert.Equal(5, outcomes.Count(o => o.Disposition == EventDisposition.Buffered));
        foreach (var instance in started)
        {
            Assert.Equal("Finished", (await InstanceAsync(instance.Id))!.SubStatus);
            Assert.Single(await JournalAsync(instance.Id), j => j.ActivityId == "decided" && j.EventName == "Log");
        }

        // Instances started together for the buffered events take them at their wait point.
        var late = await Task.WhenAll(early.Select(k => Runtime.StartAsync("test-wait-for-event", null, new StartRequest { CorrelationId = k }, ct)));
        Assert.All(late, l => Assert.Equal(WorkflowSubStatus.Finished, l.SubStatus));
        Assert.Empty(await QueryAsync(db => db.BufferedEvents.Where(e => early.Contains(e.CorrelationKey!)).ToListAsync(ct)));
    }

    [Fact]
    public async Task Resuming_unknown_instances_and_bookmarks_changes_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        var started = await Runtime.StartAsync("test-wait-for-event", null, new StartRequest { CorrelationId = NewKey() }, ct);
        var open = (await QueryAsync(db => db.Bookmarks.SingleAsync(b => b.InstanceId == started.Id, ct))).Id;

        var unknownInstance = await Runtime.ResumeAsync("no-such-instance", "b", null, ct);
        var unknownBookmark = await Runtime.ResumeAsync(started.Id, "no-such-bookmark", null, ct);
        var neverIssued = await Runtime.ResumeBookmarkAsync(BookmarkIds.Create(started.Id, 99), null, ct);
        var noInstance = await Runtime.ResumeBookmarkAsync(BookmarkIds.Create("no-such-instance", 1), null, ct);
        var malformed = await Runtime.ResumeBookmarkAsync("nope", null, ct);

        Assert.Equal(ResumeStatus.InstanceNotFound, unknownInstance.Status);
        Assert.Equal(ResumeStatus.BookmarkNotFound, unknownBookmark.Status);
        Assert.Equal(ResumeStatus.BookmarkNotFound, neverIssued.Status);
        Assert.Equal(ResumeStatus.BookmarkNotFound, noInstance.Status);
        Assert.Equal(ResumeStatus.BookmarkNotFound, malformed.Status);
        Assert.Equal(1, (await InstanceAsync(started.Id))!.Revision);
        Assert.Equal(started.Id, Assert.Single(await QueryAsync(db => db.Bookmarks.Where(b => b.Id == open).Select(b => b.InstanceId).ToListAsync(ct))));
    }

    [Fact]
    public async Task A_consumed_bookmark_is_told_apart_from_one_that_never_existed()
    {
        var ct = TestContext.Current.CancellationToken;
        var started = await Runtime.StartAsync("test-two-events", null, new StartRequest { CorrelationId = NewKey() }, ct);
        var first = (await QueryAsync(db => db.Bookmarks.SingleAsync(b => b.InstanceId == started.Id, ct))).Id;

        var resumed = await Runtime.ResumeBookmarkAsync(first, null, ct);
        var again = await Runtime.ResumeBookmarkAsync(first, null, ct);

        Assert.Equal(ResumeStatus.Resumed, resumed.Status);
        Assert.Equal(ResumeStatus.BookmarkNotOpen, again.Status);
        Assert.Equal(2, (await InstanceAsync(started.Id))!.Revision);
    }

    [Fact]
    public async Task A_delay_fires_through_the_scheduler_and_finishes_the_instance()
    {
        var started = await Runtime.StartAsync("test-delay", null, new StartRequest { Input = new Dictionary<string, object?> { ["delay"] = "00:00:01" } }, TestContext.Current.CancellationToken);
        Assert.Equal(WorkflowSubStatus.Suspended, started.SubStatus);

        var finished = await WaitForAsync(started.Id, "Finished", TimeSpan.FromSeconds(15));

        Assert.Contains(await JournalAsync(finished.Id), j => j.ActivityId == "after" && j.Message == "after delay");
    }

    [Fact]
    public async Task Cancelling_removes_the_bookmarks_and_ends_the_instance()
    {
        var started = await Runtime.StartAsync("test-wait-for-event", null, new StartRequest { CorrelationId = NewKey() }, TestContext.Current.CancellationToken);

        var outcome = await Runtime.CancelAsync(started.Id, "no longer needed", TestContext.Current.CancellationToken);

        Assert.Equal(WorkflowSubStatus.Cancelled, outcome.Instance!.SubStatus);
        Assert.Empty(await QueryAsync(db => db.Bookmarks.Where(b => b.InstanceId == started.Id).ToListAsync()));
        Assert.Equal(ResumeStatus.InstanceFinished, (await Runtime.CancelAsync(started.Id, null, TestContext.Current.CancellationToken)).Status);
    }
}

public sealed class SqliteWorkflowRuntimeTests(SqliteApp app) : WorkflowRuntimeTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresWorkflowRuntimeTests(PostgresApp app) : WorkflowRuntimeTests(app), IClassFixture<PostgresApp>;

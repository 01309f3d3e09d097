using System.Text.Json.Nodes;
using CareFlows.Engine.Bookmarks;
using CareFlows.Engine.Execution;
using CareFlows.Engine.Tests.TestSupport;

namespace CareFlows.Engine.Tests.Activities;

public class WaitingActivityTests
{
    private readonly ActivityTestFixture _fixture = new();

    private DateTimeOffset Now => _fixture.Workflow.Clock.GetUtcNow();

    [Fact]
    public async Task Delay_creates_a_timer_bookmark_and_continues_when_resumed()
    {
        var suspended = await _fixture.RunAsync(Flows.Activity("d", "Elsa.Delay", ("timeSpan", "TimeSpan", "2.00:00:00")));

        var bookmark = Assert.Single(suspended.State.Bookmarks);
        Assert.Equal((BookmarkKind.Timer, "Elsa.Delay", Now.AddDays(2)), (bookmark.Kind, bookmark.Name, bookmark.DueAt));
        Assert.Equal(WorkflowSubStatus.Suspended, suspended.State.SubStatus);
        Assert.Empty(suspended.State.Log);

        var resumed = await _fixture.ResumeAsync(suspended);

        Assert.Equal(["Done"], resumed.State.Log);
        Assert.Empty(resumed.State.Bookmarks);
        Assert.Equal([bookmark], resumed.RemovedBookmarks);
    }

    [Fact]
    public async Task StartAt_in_the_past_continues_at_once()
    {
        var result = await _fixture.RunAsync(Flows.Activity("s", "Elsa.StartAt", ("dateTime", "DateTimeOffset", "2020-01-01T00:00:00Z")));

        Assert.Equal(["Done"], result.State.Log);
    }

    [Fact]
    public async Task StartAt_in_the_future_waits_until_then()
    {
        var result = await _fixture.RunAsync(Flows.Activity("s", "Elsa.StartAt", ("dateTime", "DateTimeOffset", "2026-03-09T08:00:00+01:00")));

        Assert.Equal(DateTimeOffset.Parse("2026-03-09T07:00:00Z", System.Globalization.CultureInfo.InvariantCulture), Assert.Single(result.State.Bookmarks).DueAt);
    }

    [Fact]
    public async Task Timer_inside_a_flow_waits_one_interval()
    {
        var result = await _fixture.RunAsync(Flows.Activity("t", "Elsa.Timer", ("interval", "TimeSpan", "00:10:00")));

        Assert.Equal(Now.AddMinutes(10), Assert.Single(result.State.Bookmarks).DueAt);
    }

    [Fact]
    public async Task Timer_that_started_the_instance_completes_at_once()
    {
        var timer = Flows.Activity("t", "Elsa.Timer", ("interval", "TimeSpan", "00:10:00"));
        timer["customProperties"] = new JsonObject { ["canStartWorkflow"] = true };

        var result = await _fixture.RunAsync(timer, request: new StartRequest { TriggerActivityId = "t" });

        Assert.Equal(["Done"], result.State.Log);
    }

    [Fact]
    public async Task Cron_inside_a_flow_waits_for_the_next_match()
    {
        var result = await _fixture.RunAsync(Flows.Activity("c", "Elsa.Cron", ("cronExpression", "String", "0 30 * * * *")));

        var bookmark = Assert.Single(result.State.Bookmarks);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 9, 30, 0, TimeSpan.Zero), bookmark.DueAt);
        Assert.Equal("0 30 * * * *", bookmark.Payload!["cronExpression"]!.GetValue<string>());
    }

    [Fact]
    public void Cron_with_an_invalid_expression_does_not_compile()
    {
        var result = _fixture.Workflow.Engine.Compile(Flows.Sequence(Flows.Activity("c", "Elsa.Cron", ("cronExpression", "String", "every hour"))));

        Assert.Equal("$.root.activities[0].cronExpression", Assert.Single(result.Errors).Path);
    }

    [Fact]
    public async Task Event_waits_for_its_name_and_the_instance_correlation_id()
    {
        var suspended = await _fixture.RunAsync(Flows.Activity("e", "Elsa.Event", ("eventName", "String", "ReferralAccepted")), request: new StartRequest { CorrelationId = "REF-3" });

        var bookmark = Assert.Single(suspended.State.Bookmarks);
        Assert.Equal((BookmarkKind.Event, "ReferralAccepted", "REF-3"), (bookmark.Kind, bookmark.EventName, bookmark.CorrelationKey));

        var resumed = await _fixture.ResumeAsync(suspended, new JsonObject { ["specialist"] = "Dr Reyes" });

        Assert.Equal(["Done"], resumed.State.Log);
        Assert.Equal("Dr Reyes", ((JsonObject)resumed.State.Activities["e"].Outputs!["result"]!)["specialist"]!.GetValue<string>());
    }

    [Fact]
    public async Task PublishEvent_hands_the_event_to_the_host_after_the_burst()
    {
        var publish = Flows.Activity("p", "Elsa.PublishEvent", ("eventName", "String", "OutreachDone"), ("correlationId", "String", "ENC-1"));
        publish["payload"] = Flows.Input("Object", "Object", "{\"attempts\":2}");

        var result = await _fixture.RunAsync(publish);

        var published = Assert.Single(result.PublishedEvents);
        Assert.Equal(("OutreachDone", "ENC-1", false), (published.EventName, published.CorrelationKey, published.IsLocal));
        Assert.Equal(2, published.Payload!["attempts"]!.GetValue<int>());
    }

    [Fact]
    public async Task RunTask_waits_for_its_task_and_outputs_the_result()
    {
        var suspended = await _fixture.RunAsync(Flows.Activity("r", "Elsa.RunTask", ("taskName", "String", "VerifyInsurance")));

        var bookmark = Assert.Single(suspended.State.Bookmarks);
        Assert.Equal(BookmarkKind.Task, bookmark.Kind);
        Assert.Equal("VerifyInsurance", bookmark.Payload!["taskName"]!.GetValue<string>());
        Assert.Equal(bookmark.TaskId, bookmark.Payload["taskId"]!.GetValue<string>());

        var resumed = await _fixture.ResumeAsync(suspended, JsonValue.Create("eligible"));

        Assert.Equal(["Done"], resumed.State.Log);
        Assert.Equal("eligible", resumed.State.Activities["r"].Outputs!["result"]);
    }

    [Fact]
    public async Task A_consumed_bookmark_cannot_be_resumed_again()
    {
        var suspended = await _fixture.RunAsync(Flows.Activity("d", "Elsa.Delay"));
        var bookmarkId = suspended.State.Bookmarks[0].Id;
        var resumed = await _fixture.ResumeAsync(suspended);

        await Assert.ThrowsAsync<InstanceFinishedException>(async () => await _fixture.Workflow.Engine.ResumeAsync(_fixture.Compiled!, resumed.State, bookmarkId));
    }

    [Fact]
    public async Task Resuming_an_unknown_bookmark_is_refused()
    {
        var suspended = await _fixture.RunAsync(Flows.Activity("d", "Elsa.Delay"));

        var error = await Assert.ThrowsAsync<BookmarkNotFoundException>(async () => await _fixture.Workflow.Engine.ResumeAsync(_fixture.Compiled!, suspended.State, "nope"));
        Assert.Equal("nope", error.BookmarkId);
    }

    [Fact]
    public async Task Cancel_removes_every_bookmark_and_ends_the_instance()
    {
        var suspended = await _fixture.RunAsync(Flows.Activity("d", "Elsa.Delay"));

        var cancelled = _fixture.Workflow.Engine.Cancel(_fixture.Compiled!, suspended.State, "patient readmitted");

        Assert.Equal((WorkflowStatus.Finished, WorkflowSubStatus.Cancelled), (cancelled.State.Status, cancelled.State.SubStatus));
        Assert.Empty(cancelled.State.Bookmarks);
        Assert.Contains(cancelled.Journal, e => e.EventName == "Cancelled" && e.Message == "patient readmitted");
    }
}

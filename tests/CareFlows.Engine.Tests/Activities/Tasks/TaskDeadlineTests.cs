using System.Text.Json.Nodes;
using CareFlows.Engine.Bookmarks;
using CareFlows.Engine.Execution;
using CareFlows.Engine.Tests.TestSupport;

namespace CareFlows.Engine.Tests.Activities.Tasks;

public class TaskDeadlineTests
{
    private static readonly string[] Ports = ["Reached", "Unreachable", "Overdue", "Expired"];

    private readonly ActivityTestFixture _fixture = new();

    private static JsonObject CallWith(string deadlines)
    {
        var task = Flows.Activity("call", "CareFlows.HumanTask", ("title", "String", "Call the patient"), ("dueIn", "TimeSpan", "2.00:00:00"));
        task["outcomes"] = Flows.Input("String[]", "Object", "[\"Reached\",\"Unreachable\"]");
        task["deadlines"] = Flows.Input("Object", "Object", deadlines);
        return task;
    }

    [Fact]
    public async Task Each_deadline_is_a_timer_beside_the_task_due_when_it_says()
    {
        var start = _fixture.Workflow.Clock.GetUtcNow();
        var result = await _fixture.RunAsync(CallWith("""[{"kind":"notStarted","after":"04:00:00","escalate":{"reassignTo":"rn-care-managers"}},{"kind":"notCompleted","port":"Overdue"}]"""), Ports);

        var timers = result.State.Bookmarks.Where(b => b.Kind == BookmarkKind.Timer).ToList();
        Assert.Equal([start.AddHours(4), start.AddDays(2)], timers.Select(t => t.DueAt!.Value));
        Assert.Equal(["notStarted", "notCompleted"], timers.Select(t => t.Payload!["deadline"]!.GetValue<string>()));
        Assert.Equal("rn-care-managers", timers[0].Payload!["escalate"]!["reassignTo"]!.GetValue<string>());
        Assert.Single(result.State.Bookmarks, b => b.Kind == BookmarkKind.Task);
    }

    [Fact]
    public async Task A_missed_deadline_with_the_Overdue_port_continues_from_it_and_the_task_stays_open()
    {
        var suspended = await _fixture.RunAsync(CallWith("""[{"kind":"notCompleted","port":"Overdue"}]"""), Ports);

        var overdue = await ResumeTimerAsync(suspended, input: null);

        Assert.Equal(["Overdue"], overdue.State.Log);
        var task = Assert.Single(overdue.State.Bookmarks);
        Assert.Equal(BookmarkKind.Task, task.Kind);
        Assert.Equal(WorkflowSubStatus.Suspended, overdue.State.SubStatus);

        // Completed later, the task leaves through its outcome; the Overdue path is not taken a second time.
        var done = await _fixture.Workflow.Engine.ResumeAsync(_fixture.Compiled!, overdue.State, task.Id, new JsonObject { ["outcome"] = "Reached" });
        Assert.Equal(["Overdue", "Reached"], done.State.Log);
        Assert.Equal(WorkflowSubStatus.Finished, done.State.SubStatus);
    }

    [Fact]
    public async Task A_missed_deadline_with_the_Expired_port_ends_the_task_and_continues_from_the_port()
    {
        var suspended = await _fixture.RunAsync(CallWith("""[{"kind":"notCompleted","port":"Expired"}]"""), Ports);

        var expired = await ResumeTimerAsync(suspended, input: null);

        Assert.Equal(["Expired"], expired.State.Log);
        Assert.Empty(expired.State.Bookmarks);
        Assert.Contains(expired.RemovedBookmarks, b => b.Kind == BookmarkKind.Task);
        Assert.Equal(WorkflowSubStatus.Finished, expired.State.SubStatus);
    }

    [Fact]
    public async Task A_deadline_that_was_met_changes_nothing_but_itself()
    {
        var suspended = await _fixture.RunAsync(CallWith("""[{"kind":"notStarted","after":"01:00:00","port":"Expired"}]"""), Ports);

        var met = await ResumeTimerAsync(suspended, new JsonObject { ["met"] = true });

        Assert.Empty(met.State.Log);
        Assert.Equal(BookmarkKind.Task, Assert.Single(met.State.Bookmarks).Kind);
    }

    [Fact]
    public async Task Completing_the_task_removes_its_deadlines()
    {
        var suspended = await _fixture.RunAsync(CallWith("""[{"kind":"notCompleted","port":"Overdue"}]"""), Ports);
        var task = suspended.State.Bookmarks.Single(b => b.Kind == BookmarkKind.Task);

        var done = await _fixture.Workflow.Engine.ResumeAsync(_fixture.Compiled!, suspended.State, task.Id, new JsonObject { ["outcome"] = "Reached" });

        Assert.Empty(done.State.Bookmarks);
        Assert.Contains(done.RemovedBookmarks, b => b.Kind == BookmarkKind.Timer);
    }

    [Theory]
    [InlineData("""{"kind":"notStarted"}""", "must be an array")]
    [InlineData("""[{"kind":"soon","after":"01:00:00"}]""", "'kind' must be")]
    [InlineData("""[{"kind":"notStarted","after":"01:00:00","port":"Later"}]""", "'port' must be")]
    [InlineData("""[{"kind":"notStarted","after":"-01:00:00"}]""", "'after' must be a positive")]
    [InlineData("""[{"kind":"notStarted"}]""", "needs 'after'")]
    public async Task A_malformed_deadline_raises_an_incident(string deadlines, string message)
    {
        var result = await _fixture.RunAsync(CallWith(deadlines), Ports);

        Assert.Contains(message, Assert.Single(result.State.Incidents).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_deadline_ports_are_outcomes_the_designer_shows()
    {
        var workflow = _fixture.Workflow.Compile(Flows.Sequence(CallWith("""[{"kind":"notCompleted","port":"Overdue"},{"kind":"notStarted","after":"01:00:00","port":"Expired"}]""")));

        Assert.Equal(["Reached", "Unreachable", "Overdue", "Expired"], workflow.Nodes[0].Activity.GetDynamicOutcomes());
    }

    private Task<RunResult> ResumeTimerAsync(RunResult suspended, JsonNode? input)
    {
        var timer = suspended.State.Bookmarks.First(b => b.Kind == BookmarkKind.Timer);
        return _fixture.Workflow.Engine.ResumeAsync(_fixture.Compiled!, suspended.State, timer.Id, input).AsTask();
    }
}

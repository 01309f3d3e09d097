using CareFlows.Engine.Execution;
using CareFlows.Engine.Tests.TestSupport;

namespace CareFlows.Engine.Tests.Execution;

public class LoopTests
{
    [Fact]
    public async Task A_loop_that_never_exits_is_stopped_by_the_guard()
    {
        var fixture = new WorkflowTestFixture(new EngineOptions { MaxLoopIterations = 5 });
        var definition = Flows.Flowchart(
            [Flows.Activity("start", "Elsa.Start"), Flows.WriteLine("again")],
            [Flows.Connection("start", "write-again"), Flows.Connection("write-again", "write-again")]);

        var result = await fixture.StartAsync(definition);

        Assert.Equal(6, result.State.Log.Count);
        var incident = Assert.Single(result.State.Incidents);
        Assert.Equal("RunawayLoop", incident.ExceptionType);
        Assert.Contains("more than 5 times", incident.Message, StringComparison.Ordinal);
        Assert.Equal(WorkflowSubStatus.Faulted, result.State.SubStatus);
    }

    [Fact]
    public async Task A_burst_that_runs_too_many_activities_is_stopped()
    {
        var fixture = new WorkflowTestFixture(new EngineOptions { MaxActivitiesPerBurst = 50 });
        var definition = Flows.Flowchart(
            [Flows.WriteLine("a"), Flows.WriteLine("b")],
            [Flows.Connection("write-a", "write-b"), Flows.Connection("write-b", "write-a")]);

        var result = await fixture.StartAsync(definition);

        Assert.Equal("RunawayBurst", Assert.Single(result.State.Incidents).ExceptionType);
        Assert.Equal(50, result.State.Log.Count);
    }

    [Fact]
    public async Task A_loop_through_a_wait_resumes_round_after_round()
    {
        var fixture = new WorkflowTestFixture();
        var definition = Flows.Flowchart(
            [Flows.Activity("start", "Elsa.Start"), Flows.WriteLine("attempt"), Flows.Activity("wait", "Elsa.Delay")],
            [Flows.Connection("start", "write-attempt"), Flows.Connection("write-attempt", "wait"), Flows.Connection("wait", "write-attempt")]);
        var workflow = fixture.Compile(definition);

        var result = await fixture.Engine.StartAsync(workflow);
        for (var round = 0; round < 3; round++)
        {
            result = await fixture.Engine.ResumeAsync(workflow, result.State, Assert.Single(result.State.Bookmarks).Id);
        }

        Assert.Equal(4, result.State.Log.Count);
        Assert.Equal(WorkflowSubStatus.Suspended, result.State.SubStatus);
        Assert.Equal(4, result.State.Activities["write-attempt"].ExecutionCount);
    }
}

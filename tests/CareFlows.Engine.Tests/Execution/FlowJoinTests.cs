using CareFlows.Engine.Execution;
using CareFlows.Engine.Tests.Activities;
using CareFlows.Engine.Tests.TestSupport;

namespace CareFlows.Engine.Tests.Execution;

/// <summary>A fork into a branch that continues at once and one that waits on a delay, merged by a join.</summary>
public class FlowJoinTests
{
    private readonly WorkflowTestFixture _fixture = new();

    private CompiledWorkflow Compile(string? mode)
    {
        var join = mode is null
            ? Flows.Activity("join", "Elsa.FlowNode")
            : Flows.Activity("join", "Elsa.FlowJoin", ("mode", "Elsa.Workflows.Activities.Flowchart.Models.FlowJoinMode, Elsa.Workflows.Core", mode));
        return _fixture.Compile(Flows.Flowchart(
            [FlowActivityTests.Fork("fork", "Slow", "Fast"), Flows.WriteLine("fast"), Flows.Activity("delay", "Elsa.Delay"), join, Flows.WriteLine("joined")],
            [Flows.Connection("fork", "delay", "Slow"), Flows.Connection("fork", "write-fast", "Fast"), Flows.Connection("write-fast", "join"), Flows.Connection("delay", "join"), Flows.Connection("join", "write-joined")]));
    }

    [Fact]
    public async Task WaitAny_continues_on_the_first_branch_and_cancels_the_waiting_one()
    {
        var result = await _fixture.Engine.StartAsync(Compile("WaitAny"));

        Assert.Equal(["fast", "joined"], result.State.Log);
        Assert.Equal(WorkflowSubStatus.Finished, result.State.SubStatus);
        Assert.Empty(result.State.Bookmarks);
        Assert.Equal(ActivityStatus.Canceled, result.State.Activities["delay"].Status);
    }

    [Fact]
    public async Task WaitAll_continues_only_after_every_branch()
    {
        var workflow = Compile("WaitAll");
        var suspended = await _fixture.Engine.StartAsync(workflow);
        Assert.Equal(["fast"], suspended.State.Log);

        var resumed = await _fixture.Engine.ResumeAsync(workflow, suspended.State, suspended.State.Bookmarks[0].Id);

        Assert.Equal(["fast", "joined"], resumed.State.Log);
        Assert.Equal(WorkflowSubStatus.Finished, resumed.State.SubStatus);
    }

    [Theory]
    [InlineData("WaitAllActive")]
    [InlineData(null)]
    public async Task WaitAllActive_and_implicit_joins_wait_for_every_taken_branch(string? mode)
    {
        var workflow = Compile(mode);
        var suspended = await _fixture.Engine.StartAsync(workflow);
        Assert.Equal(["fast"], suspended.State.Log);

        var resumed = await _fixture.Engine.ResumeAsync(workflow, suspended.State, suspended.State.Bookmarks[0].Id);

        Assert.Equal(["fast", "joined"], resumed.State.Log);
    }

    [Fact]
    public async Task A_branch_not_taken_does_not_hold_up_an_implicit_join()
    {
        var definition = Flows.Flowchart(
            [Flows.Activity("decide", "Elsa.FlowDecision", ("condition", "Boolean", true)), Flows.WriteLine("yes"), Flows.WriteLine("no"), Flows.WriteLine("after")],
            [Flows.Connection("decide", "write-yes", "True"), Flows.Connection("decide", "write-no", "False"), Flows.Connection("write-yes", "write-after"), Flows.Connection("write-no", "write-after")]);

        var result = await _fixture.StartAsync(definition);

        Assert.Equal(["yes", "after"], result.State.Log);
    }

    [Fact]
    public async Task WaitAll_with_a_branch_not_taken_never_continues()
    {
        var definition = Flows.Flowchart(
            [Flows.Activity("decide", "Elsa.FlowDecision", ("condition", "Boolean", true)), Flows.WriteLine("yes"), Flows.WriteLine("no"),
             Flows.Activity("join", "Elsa.FlowJoin", ("mode", "String", "WaitAll")), Flows.WriteLine("after")],
            [Flows.Connection("decide", "write-yes", "True"), Flows.Connection("decide", "write-no", "False"), Flows.Connection("write-yes", "join"), Flows.Connection("write-no", "join"), Flows.Connection("join", "write-after")]);

        var result = await _fixture.StartAsync(definition);

        Assert.Equal(["yes"], result.State.Log);
        Assert.Equal(WorkflowSubStatus.Finished, result.State.SubStatus);
    }
}

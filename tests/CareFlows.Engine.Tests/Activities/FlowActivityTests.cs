using System.Text.Json.Nodes;
using CareFlows.Engine.Execution;
using CareFlows.Engine.Tests.TestSupport;

namespace CareFlows.Engine.Tests.Activities;

public class FlowActivityTests
{
    private readonly ActivityTestFixture _fixture = new();

    [Theory]
    [InlineData(true, "True")]
    [InlineData(false, "False")]
    public async Task FlowDecision_leaves_through_the_port_of_its_condition(bool condition, string port)
    {
        var result = await _fixture.RunAsync(Flows.Activity("d", "Elsa.FlowDecision", ("condition", "Boolean", condition)), ["True", "False"]);

        Assert.Equal([port], result.State.Log);
    }

    [Fact]
    public async Task FlowSwitch_match_first_takes_the_first_matching_case()
    {
        var result = await _fixture.RunAsync(Switch("MatchFirst", ("A", false), ("B", true), ("C", true)), ["A", "B", "C", "Default"]);

        Assert.Equal(["B"], result.State.Log);
    }

    [Fact]
    public async Task FlowSwitch_match_any_takes_every_matching_case()
    {
        var result = await _fixture.RunAsync(Switch("MatchAny", ("A", false), ("B", true), ("C", true)), ["A", "B", "C", "Default"]);

        Assert.Equal(["B", "C"], result.State.Log);
    }

    [Fact]
    public async Task FlowSwitch_without_a_match_takes_Default()
    {
        var result = await _fixture.RunAsync(Switch("MatchFirst", ("A", false)), ["A", "Default"]);

        Assert.Equal(["Default"], result.State.Log);
    }

    [Fact]
    public async Task FlowFork_leaves_through_every_branch_in_order()
    {
        var fork = Flows.Activity("f", "Elsa.FlowFork");
        fork["branches"] = Flows.Input("String[]", "Object", "[\"Left\",\"Right\"]");

        var result = await _fixture.RunAsync(fork, ["Left", "Right"]);

        Assert.Equal(["Left", "Right"], result.State.Log);
    }

    [Fact]
    public async Task FlowNode_passes_straight_through()
    {
        var result = await _fixture.RunAsync(Flows.Activity("n", "Elsa.FlowNode"));

        Assert.Equal(["Done"], result.State.Log);
    }

    [Fact]
    public async Task Start_continues_through_Done()
    {
        var result = await _fixture.RunAsync(Flows.Activity("s", "Elsa.Start"));

        Assert.Equal(["Done"], result.State.Log);
    }

    [Fact]
    public async Task End_completes_the_flowchart_and_cancels_waiting_branches()
    {
        var definition = Flows.Flowchart(
            [Fork("fork", "Wait", "Stop"), Flows.Activity("delay", "Elsa.Delay"), Flows.WriteLine("late"), Flows.Activity("end", "Elsa.End"), Flows.WriteLine("never")],
            [Flows.Connection("fork", "delay", "Wait"), Flows.Connection("delay", "write-late"), Flows.Connection("fork", "end", "Stop"), Flows.Connection("end", "write-never")]);

        var result = await _fixture.Workflow.StartAsync(definition);

        Assert.Equal(WorkflowSubStatus.Finished, result.State.SubStatus);
        Assert.Empty(result.State.Bookmarks);
        Assert.Empty(result.State.Log);
        Assert.Single(result.RemovedBookmarks);
    }

    [Fact]
    public async Task Finish_ends_the_instance_with_no_bookmark_left()
    {
        var definition = Flows.Flowchart(
            [Fork("fork", "Wait", "Stop"), Flows.Activity("event", "Elsa.Event", ("eventName", "String", "Never")), Flows.Activity("finish", "Elsa.Finish")],
            [Flows.Connection("fork", "event", "Wait"), Flows.Connection("fork", "finish", "Stop")]);

        var result = await _fixture.Workflow.StartAsync(definition);

        Assert.Equal((WorkflowStatus.Finished, WorkflowSubStatus.Finished), (result.State.Status, result.State.SubStatus));
        Assert.Empty(result.State.Bookmarks);
    }

    internal static JsonObject Fork(string id, params string[] branches)
    {
        var fork = Flows.Activity(id, "Elsa.FlowFork");
        fork["branches"] = Flows.Input("String[]", "Object", System.Text.Json.JsonSerializer.Serialize(branches));
        return fork;
    }

    private static JsonObject Switch(string mode, params (string Label, bool Condition)[] cases)
    {
        var activity = Flows.Activity("s", "Elsa.FlowSwitch", ("mode", "Elsa.Workflows.Activities.Flowchart.Models.SwitchMode, Elsa.Workflows.Core", mode));
        activity["cases"] = new JsonArray([.. cases.Select(c => (JsonNode)new JsonObject
        {
            ["label"] = c.Label,
            ["condition"] = new JsonObject { ["type"] = "Literal", ["value"] = c.Condition },
        })]);
        return activity;
    }
}

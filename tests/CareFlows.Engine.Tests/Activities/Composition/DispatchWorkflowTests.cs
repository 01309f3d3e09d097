using System.Text.Json.Nodes;
using CareFlows.Engine.Definitions.Serialization;
using CareFlows.Engine.Execution;
using CareFlows.Engine.Hosting;
using CareFlows.Engine.Tests.TestSupport;

namespace CareFlows.Engine.Tests.Activities.Composition;

/// <summary>A parent dispatches a child, waits for it, and continues with its output; on the in-memory host as on the server.</summary>
public class DispatchWorkflowTests
{
    private readonly WorkflowTestFixture _fixture = new();

    private CompiledWorkflow Child() => Compile("authorize", Flows.FlowchartJson(
        [
            Flows.Activity("decision", "Elsa.Event", ("eventName", "String", "PayerDecision")),
            Flows.Activity("closure", "Elsa.SetOutput", ("outputName", "String", "closure")),
        ],
        [Flows.Connection("decision", "closure")]), closure => closure["outputValue"] = Flows.Input("Object", "JavaScript", "({ status: 'approved', service: getInput('service') })"));

    private CompiledWorkflow Parent(bool wait) => Compile("refer", Flows.FlowchartJson(
        [
            Dispatch(wait),
            Flows.Activity("report", "Elsa.WriteLine"),
        ],
        [Flows.Connection("dispatch", "report")],
        [Flows.Variable("Authorization", "Object", "")]), report => report["text"] = Flows.Input("String", "JavaScript", "'authorization ' + (variables.Authorization?.closure?.status ?? 'pending')"));

    private static JsonObject Dispatch(bool wait)
    {
        var dispatch = Flows.Activity("dispatch", "Elsa.DispatchWorkflow", ("workflowDefinitionId", "String", "authorize"), ("waitForCompletion", "Boolean", wait));
        dispatch["input"] = Flows.Input("Object", "JavaScript", "({ service: 'MRI' })");
        dispatch["correlationId"] = Flows.Input("String", "Literal", "PA-9");
        dispatch["result"] = new JsonObject { ["typeName"] = "Object", ["memoryReference"] = new JsonObject { ["id"] = "var-Authorization" } };
        return dispatch;
    }

    private CompiledWorkflow Compile(string definitionId, JsonObject json, Action<JsonObject> last)
    {
        json["id"] = definitionId + "-v1";
        json["definitionId"] = definitionId;
        last(json["root"]!["activities"]!.AsArray()[^1]!.AsObject());
        return _fixture.Compile(WorkflowDefinitionReader.Read(json.ToJsonString()));
    }

    [Fact]
    public void A_parent_waits_for_its_child_and_continues_with_the_childs_output()
    {
        using var host = new InMemoryWorkflowHost(_fixture.Engine);
        host.Publish(Child());

        var parent = host.Start(Parent(wait: true));

        var child = host.Instances.Single(i => i.DefinitionId == "authorize");
        Assert.Equal((parent.State.Id, "PA-9", WorkflowSubStatus.Suspended), (child.ParentInstanceId, child.CorrelationId, parent.State.SubStatus));
        Assert.Equal("MRI", child.Input["service"]?.ToString());

        host.PublishEvent("PayerDecision", "PA-9", null);

        var resumed = host.Instances.Single(i => i.Id == parent.State.Id);
        Assert.Equal(["Dispatched authorize as " + child.Id + ".", "authorization approved"], resumed.Log);
        Assert.Equal(WorkflowSubStatus.Finished, resumed.SubStatus);
    }

    [Fact]
    public void Without_waiting_the_parent_goes_on_at_once()
    {
        using var host = new InMemoryWorkflowHost(_fixture.Engine);
        host.Publish(Child());

        var parent = host.Start(Parent(wait: false));

        Assert.Equal(WorkflowSubStatus.Finished, parent.State.SubStatus);
        Assert.Equal("authorization pending", parent.State.Log[^1]);
        Assert.Equal(WorkflowSubStatus.Suspended, host.Instances.Single(i => i.DefinitionId == "authorize").SubStatus);
    }

    [Fact]
    public async Task A_child_that_ends_tells_its_parent_how_with_its_output()
    {
        var child = Child();

        var started = await _fixture.Engine.StartAsync(child, new StartRequest { ParentInstanceId = "parent-1", CorrelationId = "PA-9" });
        var ended = await _fixture.Engine.ResumeAsync(child, started.State, started.State.Bookmarks[0].Id);

        Assert.Empty(started.PublishedEvents);
        var told = Assert.Single(ended.PublishedEvents);
        Assert.Equal((ChildWorkflows.Completed, started.State.Id, "Finished"), (told.EventName, told.CorrelationKey, told.Payload!["status"]!.GetValue<string>()));
        Assert.Equal("approved", told.Payload["output"]!["closure"]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_dispatch_without_a_definition_id_faults()
    {
        var dispatch = Dispatch(wait: true);
        dispatch["workflowDefinitionId"] = Flows.Input("String", "Literal", "");

        var result = await new ActivityTestFixture().RunAsync(dispatch, ["Done"], [Flows.Variable("Authorization", "Object", "")]);

        Assert.Equal(WorkflowSubStatus.Faulted, result.State.SubStatus);
        Assert.Empty(result.Dispatches);
    }
}

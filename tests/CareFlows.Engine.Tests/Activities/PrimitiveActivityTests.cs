using System.Text.Json.Nodes;
using CareFlows.Engine.Execution;
using CareFlows.Engine.Tests.TestSupport;

namespace CareFlows.Engine.Tests.Activities;

public class PrimitiveActivityTests
{
    private readonly ActivityTestFixture _fixture = new();

    [Fact]
    public async Task WriteLine_appends_to_the_instance_log_and_journal()
    {
        var result = await _fixture.RunAsync(Flows.WriteLine("hello", "w"), []);

        Assert.Equal(["hello"], result.State.Log);
        Assert.Contains(result.Journal, e => e.ActivityId == "w" && e.EventName == "Log" && e.Message == "hello");
    }

    [Fact]
    public async Task SetVariable_converts_to_the_declared_type()
    {
        var set = Flows.Activity("set", "Elsa.SetVariable", ("value", "Object", "42"));
        set["variable"] = Flows.Variable("Attempts", "Int32", "0");

        var result = await _fixture.RunAsync(set, [], [Flows.Variable("Attempts", "Int32", "0")]);

        Assert.Equal(42, result.State.Variables["Attempts"]);
    }

    [Fact]
    public async Task Declared_variables_start_with_their_default_values()
    {
        var result = await _fixture.RunAsync(Flows.Activity("n", "Elsa.FlowNode"), [], [Flows.Variable("Due", "TimeSpan", "2.00:00:00"), Flows.Variable("Note", "String", "")]);

        Assert.Equal(TimeSpan.FromDays(2), result.State.Variables["Due"]);
        Assert.Equal("", result.State.Variables["Note"]);
    }

    [Fact]
    public async Task SetName_renames_the_instance()
    {
        var result = await _fixture.RunAsync(Flows.Activity("n", "Elsa.SetName", ("value", "String", "Discharge follow-up for Patient/7")), []);

        Assert.Equal("Discharge follow-up for Patient/7", result.State.Name);
    }

    [Fact]
    public async Task Correlate_sets_the_correlation_id()
    {
        var result = await _fixture.RunAsync(Flows.Activity("c", "Elsa.Correlate", ("correlationId", "String", "ENC-9")), []);

        Assert.Equal("ENC-9", result.State.CorrelationId);
    }

    [Fact]
    public async Task SetOutput_sets_a_workflow_output()
    {
        var result = await _fixture.RunAsync(Flows.Activity("o", "Elsa.SetOutput", ("outputName", "String", "Decision"), ("outputValue", "Object", "approved")), []);

        Assert.Equal("approved", result.State.Output["Decision"]);
    }

    [Fact]
    public async Task Fault_raises_an_incident_and_faults_the_instance()
    {
        var result = await _fixture.RunAsync(Flows.Activity("f", "Elsa.Fault", ("code", "String", "E1"), ("category", "String", "failure"), ("message", "String", "payer unreachable")));

        var incident = Assert.Single(result.State.Incidents);
        Assert.Equal(("f", "payer unreachable", "E1", "Fault"), (incident.ActivityId, incident.Message, incident.Code, incident.ExceptionType));
        Assert.Equal(WorkflowSubStatus.Faulted, result.State.SubStatus);
        Assert.Empty(result.State.Log);
    }

    [Fact]
    public async Task Under_ContinueWithIncidents_a_fault_stops_only_its_own_path()
    {
        var definition = Flows.Flowchart(
            [FlowActivityTests.Fork("fork", "Bad", "Good"), Flows.Activity("fault", "Elsa.Fault", ("message", "String", "boom")), Flows.WriteLine("after fault"), Flows.WriteLine("other path")],
            [Flows.Connection("fork", "fault", "Bad"), Flows.Connection("fault", "write-after-fault"), Flows.Connection("fork", "write-other-path", "Good")],
            options: new JsonObject { ["incidentStrategyType"] = "Elsa.Workflows.IncidentStrategies.ContinueWithIncidentsStrategy, Elsa.Workflows.Core" });

        var result = await _fixture.Workflow.StartAsync(definition);

        Assert.Equal(["other path"], result.State.Log);
        Assert.Single(result.State.Incidents);
        Assert.Equal(WorkflowSubStatus.Finished, result.State.SubStatus);
    }

    [Fact]
    public void A_literal_that_cannot_be_converted_stops_the_definition_from_compiling()
    {
        var definition = Flows.Sequence(Flows.Activity("d", "Elsa.Delay", ("timeSpan", "TimeSpan", "whenever")));

        var result = _fixture.Workflow.Engine.Compile(definition);

        var error = Assert.Single(result.Errors);
        Assert.Equal("$.root.activities[0].timeSpan.expression", error.Path);
        Assert.Contains("whenever", error.Message, StringComparison.Ordinal);
    }
}

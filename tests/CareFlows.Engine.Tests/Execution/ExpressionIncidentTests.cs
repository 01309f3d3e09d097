using CareFlows.Engine.Execution;
using CareFlows.Engine.Tests.TestSupport;

namespace CareFlows.Engine.Tests.Execution;

/// <summary>A failing or runaway expression becomes an incident on its activity and never reaches the caller.</summary>
public class ExpressionIncidentTests
{
    [Theory]
    [InlineData("while (true) { }", "statements")]
    [InlineData("undefinedFunction()", "undefinedFunction")]
    [InlineData("function f() { return f(); } return f();", "nested calls")]
    public async Task A_bad_script_faults_its_activity_and_the_instance(string script, string expected)
    {
        var fixture = new WorkflowTestFixture();
        var decision = Flows.Activity("decide", "Elsa.FlowDecision");
        decision["condition"] = Flows.Input("Boolean", "JavaScript", script);

        var result = await fixture.StartAsync(Flows.Sequence(Flows.WriteLine("before"), decision));

        var incident = Assert.Single(result.State.Incidents);
        Assert.Equal(("decide", "ExpressionEvaluation"), (incident.ActivityId, incident.ExceptionType));
        Assert.Contains(expected, incident.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal((WorkflowStatus.Finished, WorkflowSubStatus.Faulted), (result.State.Status, result.State.SubStatus));
        Assert.Equal(["before"], result.State.Log);
    }

    [Fact]
    public void A_script_that_does_not_parse_stops_the_definition_from_compiling()
    {
        var fixture = new WorkflowTestFixture();
        var decision = Flows.Activity("decide", "Elsa.FlowDecision");
        decision["condition"] = Flows.Input("Boolean", "JavaScript", "return (1 + ;");

        var result = fixture.Engine.Compile(Flows.Sequence(decision));

        Assert.Equal("$.root.activities[0].condition.expression", Assert.Single(result.Errors).Path);
    }
}

using CareFlows.Engine.Definitions.Serialization;
using CareFlows.Engine.Definitions.Validation;

namespace CareFlows.Engine.Tests.Definitions.Validation;

public class ReachabilityValidationTests
{
    [Fact]
    public void An_activity_no_connection_leads_to_from_the_start_is_a_warning()
    {
        var report = ValidationJson.Validate(
            """
            { "id": "start", "type": "Elsa.Start" },
            { "id": "a", "type": "Elsa.WriteLine", "name": "Book clinic" },
            { "id": "b", "type": "Elsa.WriteLine", "name": "Send leaflet" },
            { "id": "c", "type": "Elsa.WriteLine", "name": "Call patient" }
            """,
            """
            { "source": { "activity": "start", "port": "Done" }, "target": { "activity": "a", "port": "In" } },
            { "source": { "activity": "b", "port": "Done" }, "target": { "activity": "c", "port": "In" } }
            """);

        Assert.Equal(["$.root.activities[2]", "$.root.activities[3]"], ValidationJson.PathsOf(report, ValidationCodes.Unreachable));
        Assert.All(report.Problems, p => Assert.Equal(ValidationSeverity.Warning, p.Severity));
        Assert.Contains("'Send leaflet' (id b)", report.Problems[0].Message, StringComparison.Ordinal);
        Assert.True(report.IsValid);
        Assert.True(report.CanRun);
    }

    [Fact]
    public void Activities_after_a_trigger_are_reachable()
    {
        var report = ValidationJson.Validate(
            """
            { "id": "start", "type": "Elsa.Start" },
            { "id": "a", "type": "Elsa.WriteLine" },
            { "id": "timer", "type": "Elsa.Timer", "customProperties": { "canStartWorkflow": true } },
            { "id": "b", "type": "Elsa.WriteLine" }
            """,
            """
            { "source": { "activity": "start", "port": "Done" }, "target": { "activity": "a", "port": "In" } },
            { "source": { "activity": "timer", "port": "Done" }, "target": { "activity": "b", "port": "In" } }
            """);

        Assert.Empty(report.Problems);
    }

    [Fact]
    public void The_start_is_chosen_in_Elsas_order_so_an_activity_that_can_start_wins_over_one_without_inbound_connections()
    {
        var report = ValidationJson.Validate(
            """
            { "id": "a", "type": "Elsa.WriteLine" },
            { "id": "b", "type": "Elsa.WriteLine", "canStartWorkflow": true }
            """);

        Assert.Equal("$.root.activities[0]", ValidationJson.Single(report, ValidationCodes.Unreachable).Path);
    }

    [Fact]
    public void An_explicit_start_comes_first()
    {
        var definition = WorkflowDefinitionReader.Read(
            """
            {
              "root": {
                "type": "Elsa.Flowchart", "id": "flow", "start": "WriteLine2",
                "activities": [{ "id": "WriteLine1", "type": "Elsa.WriteLine" }, { "id": "WriteLine2", "type": "Elsa.WriteLine" }],
                "connections": []
              }
            }
            """);

        Assert.Equal("$.root.activities[0]", ValidationJson.Single(ValidationJson.Validate(definition), ValidationCodes.Unreachable).Path);
    }
}

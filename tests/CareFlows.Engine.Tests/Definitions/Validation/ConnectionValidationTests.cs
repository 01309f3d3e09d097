using CareFlows.Engine.Definitions.Serialization;
using CareFlows.Engine.Definitions.Validation;

namespace CareFlows.Engine.Tests.Definitions.Validation;

public class ConnectionValidationTests
{
    private const string Decision = """{ "id": "d", "type": "Elsa.FlowDecision", "name": "Is urgent", "condition": { "typeName": "Boolean", "expression": { "type": "Literal", "value": true } } }""";
    private const string Notify = """{ "id": "n", "type": "Elsa.WriteLine", "name": "Notify" }""";

    [Fact]
    public void Connections_from_or_to_a_missing_activity_are_errors()
    {
        var report = ValidationJson.Validate(
            Notify,
            """
            { "source": { "activity": "ghost", "port": "Done" }, "target": { "activity": "n", "port": "In" } },
            { "source": { "activity": "n", "port": "Done" }, "target": { "activity": "nowhere", "port": "In" } }
            """);

        Assert.Equal(["$.root.connections[0].source.activity", "$.root.connections[1].target.activity"], ValidationJson.PathsOf(report, ValidationCodes.MissingActivity));
        Assert.Equal(2, report.Problems.Count);
        Assert.Contains("'nowhere'", report.Problems[1].Message, StringComparison.Ordinal);
        Assert.Contains("'Notify' (id n)", report.Problems[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_source_port_the_activity_never_takes_is_an_error_listing_its_outcomes()
    {
        var report = ValidationJson.Validate(
            $"{Decision}, {Notify}",
            """{ "source": { "activity": "d", "port": "Maybe" }, "target": { "activity": "n", "port": "In" } }""");

        var problem = ValidationJson.Single(report, ValidationCodes.UnknownPort);
        Assert.Equal("$.root.connections[0].source.port", problem.Path);
        Assert.Equal(ValidationSeverity.Error, problem.Severity);
        Assert.Contains("'Is urgent' (id d)", problem.Message, StringComparison.Ordinal);
        Assert.Contains("'True', 'False'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Source_ports_match_ignoring_case_as_the_engine_follows_them()
    {
        var report = ValidationJson.Validate(
            $"{Decision}, {Notify}",
            """{ "source": { "activity": "d", "port": "true" }, "target": { "activity": "n", "port": "In" } }""");

        Assert.Empty(report.Problems);
    }

    [Fact]
    public void A_target_port_other_than_In_is_an_error()
    {
        var report = ValidationJson.Validate(
            $"{Decision}, {Notify}",
            """{ "source": { "activity": "d", "port": "True" }, "target": { "activity": "n", "port": "Side" } }""");

        Assert.Equal("$.root.connections[0].target.port", ValidationJson.Single(report, ValidationCodes.UnknownPort).Path);
    }

    [Fact]
    public void Fork_branches_are_its_ports()
    {
        var report = ValidationJson.Validate(
            """
            { "id": "f", "type": "Elsa.FlowFork", "branches": { "typeName": "String[]", "expression": { "type": "Object", "value": "[\"One\",\"Two\"]" } } },
            { "id": "a", "type": "Elsa.WriteLine" },
            { "id": "b", "type": "Elsa.WriteLine" }
            """,
            """
            { "source": { "activity": "f", "port": "One" }, "target": { "activity": "a", "port": "In" } },
            { "source": { "activity": "f", "port": "Three" }, "target": { "activity": "b", "port": "In" } }
            """);

        Assert.Equal("$.root.connections[1].source.port", ValidationJson.Single(report, ValidationCodes.UnknownPort).Path);
    }

    [Fact]
    public void Switch_cases_and_Default_are_its_ports()
    {
        var report = ValidationJson.Validate(
            """
            { "id": "s", "type": "Elsa.FlowSwitch", "cases": [{ "label": "High", "condition": { "type": "Literal", "value": true } }] },
            { "id": "a", "type": "Elsa.WriteLine" },
            { "id": "b", "type": "Elsa.WriteLine" },
            { "id": "c", "type": "Elsa.WriteLine" }
            """,
            """
            { "source": { "activity": "s", "port": "High" }, "target": { "activity": "a", "port": "In" } },
            { "source": { "activity": "s", "port": "Default" }, "target": { "activity": "b", "port": "In" } },
            { "source": { "activity": "s", "port": "Low" }, "target": { "activity": "c", "port": "In" } }
            """);

        Assert.Equal("$.root.connections[2].source.port", ValidationJson.Single(report, ValidationCodes.UnknownPort).Path);
    }

    [Fact]
    public void Ports_are_not_checked_when_outcomes_are_only_known_at_run_time_or_the_type_is_unknown()
    {
        var report = ValidationJson.Validate(
            """
            { "id": "f", "type": "Elsa.FlowFork", "branches": { "typeName": "String[]", "expression": { "type": "Python", "value": "branches()" } } },
            { "id": "x", "type": "Acme.Triage" },
            { "id": "a", "type": "Elsa.WriteLine" },
            { "id": "b", "type": "Elsa.WriteLine" }
            """,
            """
            { "source": { "activity": "f", "port": "Anything" }, "target": { "activity": "x", "port": "In" } },
            { "source": { "activity": "x", "port": "Whatever" }, "target": { "activity": "a", "port": "In" } },
            { "source": { "activity": "f", "port": "Else" }, "target": { "activity": "b", "port": "In" } }
            """);

        Assert.Empty(ValidationJson.PathsOf(report, ValidationCodes.UnknownPort));
    }

    [Fact]
    public void Legacy_connections_are_reported_at_their_legacy_paths()
    {
        var definition = WorkflowDefinitionReader.Read(
            """
            {
              "root": {
                "type": "Elsa.Flowchart", "id": "flow",
                "activities": [
                  { "id": "Decision1", "type": "Elsa.FlowDecision", "condition": { "typeName": "Boolean", "expression": { "type": "Literal", "value": false } } },
                  { "id": "WriteLine1", "type": "Elsa.WriteLine" }
                ],
                "connections": [
                  { "source": "Decision1", "target": "WriteLine1", "sourcePort": "Perhaps", "targetPort": "Out" },
                  { "source": "Ghost1", "target": "WriteLine1", "sourcePort": "Done", "targetPort": "In" },
                  { "source": "WriteLine1", "target": "Ghost2", "sourcePort": "Done", "targetPort": "In" }
                ]
              }
            }
            """);

        var report = ValidationJson.Validate(definition);

        Assert.Equal(["$.root.connections[0].sourcePort", "$.root.connections[0].targetPort"], ValidationJson.PathsOf(report, ValidationCodes.UnknownPort));
        Assert.Equal(["$.root.connections[1].source", "$.root.connections[2].target"], ValidationJson.PathsOf(report, ValidationCodes.MissingActivity));
    }
}

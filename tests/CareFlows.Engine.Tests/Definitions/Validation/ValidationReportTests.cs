using System.Text.Json.Nodes;
using CareFlows.Engine.Activities;
using CareFlows.Engine.Definitions.Serialization;
using CareFlows.Engine.Definitions.Validation;
using CareFlows.Engine.Execution;
using CareFlows.Engine.Expressions;
using CareFlows.Engine.Tests.TestSupport;
using FluentValidation;

namespace CareFlows.Engine.Tests.Definitions.Validation;

public class ValidationReportTests
{
    private const string WithUnknownType =
        """
        {
          "id": "v1",
          "definitionId": "d1",
          "name": "Referral",
          "root": {
            "type": "Elsa.Flowchart",
            "id": "flow",
            "activities": [
              { "id": "a", "type": "Elsa.WriteLine", "name": "Log", "text": { "typeName": "String", "expression": { "type": "Literal", "value": "Received" } } },
              { "id": "b", "type": "Acme.SendFax", "name": "Fax the GP", "faxNumber": { "typeName": "String", "expression": { "type": "Literal", "value": "0123" } } }
            ],
            "connections": [{ "source": { "activity": "a", "port": "Done" }, "target": { "activity": "b", "port": "In" } }]
          }
        }
        """;

    [Fact]
    public void A_correct_definition_has_no_problems_and_can_run()
    {
        var report = ValidationJson.Validate(
            """
            { "id": "a", "type": "Elsa.WriteLine", "text": "Hello" },
            { "id": "b", "type": "Elsa.End" }
            """,
            """{ "source": { "activity": "a", "port": "Done" }, "target": { "activity": "b", "port": "In" } }""");

        Assert.Empty(report.Problems);
        Assert.True(report.IsValid);
        Assert.True(report.CanRun);
    }

    [Fact]
    public void Several_problems_at_once_are_all_reported()
    {
        var report = ValidationJson.Validate(
            """
            { "id": "start", "type": "Elsa.Start" },
            { "id": "fax", "type": "Acme.SendFax" },
            { "id": "d", "type": "Elsa.FlowDecision", "condition": { "typeName": "Boolean", "expression": { "type": "Python", "value": "x" } } },
            { "id": "lonely", "type": "Elsa.WriteLine" }
            """,
            """
            { "source": { "activity": "start", "port": "Done" }, "target": { "activity": "fax", "port": "In" } },
            { "source": { "activity": "fax", "port": "Done" }, "target": { "activity": "d", "port": "In" } },
            { "source": { "activity": "d", "port": "Later" }, "target": { "activity": "gone", "port": "In" } }
            """,
            """{ "id": "v1", "name": "Score", "typeName": "Points" }""");

        Assert.Equal(
            [
                (ValidationCodes.UnknownActivityType, "$.root.activities[1].type"),
                (ValidationCodes.MissingActivity, "$.root.connections[2].target.activity"),
                (ValidationCodes.UnknownPort, "$.root.connections[2].source.port"),
                (ValidationCodes.Unreachable, "$.root.activities[3]"),
                (ValidationCodes.UnknownVariableType, "$.variables[0].typeName"),
                ("InvalidExpression", "$.root.activities[2].condition.expression"),
            ],
            report.Problems.Select(p => (p.Code, p.Path)));
        Assert.False(report.IsValid);
        Assert.False(report.CanRun);
    }

    [Fact]
    public void A_definition_with_an_unknown_type_still_reads_and_round_trips_but_cannot_run()
    {
        var definition = WorkflowDefinitionReader.Read(WithUnknownType);

        JsonAssert.Equivalent(JsonNode.Parse(WithUnknownType), WorkflowDefinitionWriter.ToJson(definition));
        var report = ValidationJson.Validate(definition);

        Assert.Equal("$.root.activities[1].type", ValidationJson.Single(report, ValidationCodes.UnknownActivityType).Path);
        Assert.False(report.IsValid);
        Assert.False(report.CanRun);
    }

    [Fact]
    public void A_definition_can_run_yet_be_invalid()
    {
        var report = ValidationJson.Validate(
            """
            { "id": "a", "type": "Elsa.WriteLine" },
            { "id": "b", "type": "Elsa.WriteLine" }
            """,
            """{ "source": { "activity": "a", "port": "Failed" }, "target": { "activity": "b", "port": "In" } }""");

        Assert.Equal(ValidationCodes.UnknownPort, Assert.Single(report.Problems).Code);
        Assert.False(report.IsValid);
        Assert.True(report.CanRun);
    }

    [Fact]
    public void The_FluentValidation_rules_name_each_failure_by_its_JSON_path()
    {
        var registry = ActivityRegistry.CreateDefault();
        var validator = new WorkflowDefinitionValidator(registry, new WorkflowCompiler(registry, DefaultExpressionSyntaxes.CreateCompiler()));
        var definition = ValidationJson.Flowchart(
            """
            { "id": "a", "type": "Acme.SendFax" },
            { "id": "b", "type": "Elsa.Cron" }
            """);

        var result = validator.Rules.Validate(definition);

        Assert.Equal(
            [
                ("$.root.activities[0].type", ValidationCodes.UnknownActivityType, Severity.Error),
                ("$.root.activities[1]", ValidationCodes.Unreachable, Severity.Warning),
                ("$.root.activities[1].cronExpression", ValidationCodes.MissingInput, Severity.Warning),
            ],
            result.Errors.Select(f => (f.PropertyName, f.ErrorCode, f.Severity)));
    }
}

using CareFlows.Engine.Definitions.Validation;

namespace CareFlows.Engine.Tests.Definitions.Validation;

public class CompilerProblemValidationTests
{
    [Fact]
    public void An_expression_that_does_not_compile_is_an_error_at_its_expression()
    {
        var report = ValidationJson.Validate(
            """
            { "id": "a", "type": "Elsa.WriteLine", "text": { "typeName": "String", "expression": { "type": "Literal", "value": "Hi" } } },
            { "id": "d", "type": "Elsa.FlowDecision", "name": "Is urgent", "condition": { "typeName": "Boolean", "expression": { "type": "Python", "value": "urgent" } } }
            """,
            """{ "source": { "activity": "a", "port": "Done" }, "target": { "activity": "d", "port": "In" } }""");

        var problem = ValidationJson.Single(report, "InvalidExpression");
        Assert.Equal(("$.root.activities[1].condition.expression", ValidationSeverity.Error), (problem.Path, problem.Severity));
        Assert.Contains("'Python' expressions are not supported", problem.Message, StringComparison.Ordinal);
        Assert.Single(report.Problems);
        Assert.False(report.CanRun);
    }

    [Fact]
    public void A_literal_the_input_cannot_hold_is_an_invalid_expression()
    {
        var report = ValidationJson.Validate(
            """{ "id": "d", "type": "Elsa.FlowDecision", "condition": { "typeName": "Boolean", "expression": { "type": "Literal", "value": "maybe" } } }""");

        var problem = Assert.Single(report.Problems);
        Assert.Equal(("InvalidExpression", "$.root.activities[0].condition.expression"), (problem.Code, problem.Path));
    }

    [Fact]
    public void An_invalid_activity_setting_is_an_error_at_the_setting()
    {
        var report = ValidationJson.Validate(
            """{ "id": "c", "type": "Elsa.Cron", "cronExpression": { "typeName": "String", "expression": { "type": "Literal", "value": "every tuesday" } } }""");

        var problem = Assert.Single(report.Problems);
        Assert.Equal(("InvalidSetting", "$.root.activities[0].cronExpression", ValidationSeverity.Error), (problem.Code, problem.Path, problem.Severity));
    }

    [Fact]
    public void A_variable_default_the_type_cannot_hold_is_an_error_at_its_value()
    {
        var report = ValidationJson.Validate(
            """{ "id": "a", "type": "Elsa.WriteLine" }""",
            variables: """{ "id": "v1", "name": "Attempts", "typeName": "Int32", "value": "many" }""");

        var problem = Assert.Single(report.Problems);
        Assert.Equal(("InvalidSetting", "$.variables[0].value"), (problem.Code, problem.Path));
    }

    [Fact]
    public void What_the_other_checks_report_is_not_repeated_from_the_compiler()
    {
        var report = ValidationJson.Validate(
            """
            { "id": "a", "type": "Acme.Unknown" },
            { "id": "a", "type": "Elsa.WriteLine" }
            """,
            """{ "source": { "activity": "a", "port": "Done" }, "target": { "activity": "ghost", "port": "In" } }""",
            """{ "id": "v1", "name": "Mood", "typeName": "Feelings" }""");

        Assert.Equal(
            [
                (ValidationCodes.UnknownActivityType, "$.root.activities[0].type"),
                (ValidationCodes.DuplicateActivityId, "$.root.activities[1].id"),
                (ValidationCodes.MissingActivity, "$.root.connections[0].target.activity"),
                (ValidationCodes.UnknownVariableType, "$.variables[0].typeName"),
            ],
            report.Problems.Select(p => (p.Code, p.Path)));
    }
}

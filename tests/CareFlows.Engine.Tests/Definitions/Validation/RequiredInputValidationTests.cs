using CareFlows.Engine.Definitions.Validation;

namespace CareFlows.Engine.Tests.Definitions.Validation;

public class RequiredInputValidationTests
{
    [Fact]
    public void An_absent_required_input_is_a_warning_at_the_input()
    {
        var report = ValidationJson.Validate("""{ "id": "c", "type": "Elsa.Cron", "name": "Every morning" }""");

        var problem = ValidationJson.Single(report, ValidationCodes.MissingInput);
        Assert.Equal(("$.root.activities[0].cronExpression", ValidationSeverity.Warning), (problem.Path, problem.Severity));
        Assert.Contains("'Every morning' (id c)", problem.Message, StringComparison.Ordinal);
        Assert.True(report.IsValid);
    }

    [Fact]
    public void Every_empty_or_unset_required_input_is_reported_at_its_key()
    {
        var report = ValidationJson.Validate(
            """
            { "id": "e", "type": "Elsa.Event", "EventName": { "typeName": "String", "expression": { "type": "Literal", "value": "" } } },
            { "id": "d", "type": "Elsa.FlowDecision", "condition": { "typeName": "Boolean" } },
            { "id": "w", "type": "Elsa.WriteLine" }
            """,
            """
            { "source": { "activity": "e", "port": "Done" }, "target": { "activity": "d", "port": "In" } },
            { "source": { "activity": "d", "port": "True" }, "target": { "activity": "w", "port": "In" } }
            """);

        Assert.Equal(["$.root.activities[0].EventName", "$.root.activities[1].condition"], ValidationJson.PathsOf(report, ValidationCodes.MissingInput));
    }
}

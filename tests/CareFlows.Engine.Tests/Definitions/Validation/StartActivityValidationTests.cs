using CareFlows.Engine.Definitions.Serialization;
using CareFlows.Engine.Definitions.Validation;

namespace CareFlows.Engine.Tests.Definitions.Validation;

public class StartActivityValidationTests
{
    [Fact]
    public void A_flowchart_without_activities_has_no_start_activity()
    {
        var report = ValidationJson.Validate("");

        var problem = Assert.Single(report.Problems);
        Assert.Equal((ValidationCodes.NoStartActivity, "$.root.activities", ValidationSeverity.Error), (problem.Code, problem.Path, problem.Severity));
    }

    [Fact]
    public void An_explicit_start_naming_a_missing_activity_is_an_error()
    {
        var definition = WorkflowDefinitionReader.Read(
            """{ "root": { "type": "Elsa.Flowchart", "id": "flow", "start": "Start1", "activities": [{ "id": "WriteLine1", "type": "Elsa.WriteLine" }], "connections": [] } }""");

        var problem = Assert.Single(ValidationJson.Validate(definition).Problems);

        Assert.Equal((ValidationCodes.NoStartActivity, "$.root.start", ValidationSeverity.Error), (problem.Code, problem.Path, problem.Severity));
        Assert.Contains("'Start1'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_root_that_is_not_a_flowchart_is_reported_once()
    {
        var definition = WorkflowDefinitionReader.Read(
            """{ "root": { "type": "Elsa.Sequence", "id": "seq", "activities": [{ "id": "WriteLine1", "type": "Elsa.WriteLine" }] } }""");

        var report = ValidationJson.Validate(definition);

        var problem = Assert.Single(report.Problems);
        Assert.Equal((ValidationCodes.UnsupportedRoot, "$.root.type", ValidationSeverity.Error), (problem.Code, problem.Path, problem.Severity));
        Assert.Contains("Elsa.Sequence", problem.Message, StringComparison.Ordinal);
        Assert.False(report.CanRun);
    }
}

using CareFlows.Engine.Definitions.Serialization;
using CareFlows.Engine.Definitions.Validation;

namespace CareFlows.Engine.Tests.Definitions.Validation;

public class DuplicateIdTests
{
    [Fact]
    public void Each_activity_reusing_an_earlier_id_is_an_error()
    {
        var report = ValidationJson.Validate(
            """
            { "id": "a", "type": "Elsa.WriteLine", "name": "First" },
            { "id": "a", "type": "Elsa.WriteLine", "name": "Second" },
            { "id": "b", "type": "Elsa.WriteLine", "name": "Third" },
            { "id": "a", "type": "Elsa.WriteLine", "name": "Fourth" }
            """,
            """{ "source": { "activity": "a", "port": "Done" }, "target": { "activity": "b", "port": "In" } }""");

        Assert.Equal(["$.root.activities[1].id", "$.root.activities[3].id"], ValidationJson.PathsOf(report, ValidationCodes.DuplicateActivityId));
        Assert.All(report.Problems, p => Assert.Equal(ValidationSeverity.Error, p.Severity));
        Assert.Equal(2, report.Problems.Count);
        Assert.Contains("'Second'", report.Problems[0].Message, StringComparison.Ordinal);
        Assert.Contains("'First'", report.Problems[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Variables_reusing_an_id_or_a_name_are_errors()
    {
        var report = ValidationJson.Validate(
            """{ "id": "a", "type": "Elsa.WriteLine" }""",
            variables: """
                { "id": "v1", "name": "Count", "typeName": "Int32" },
                { "id": "v1", "name": "Total", "typeName": "Int32" },
                { "id": "v2", "name": "count", "typeName": "Int32" }
                """);

        Assert.Equal(["$.variables[1].id", "$.variables[2].name"], ValidationJson.PathsOf(report, ValidationCodes.DuplicateVariable));
        Assert.All(report.Problems, p => Assert.Equal(ValidationSeverity.Error, p.Severity));
    }

    [Fact]
    public void A_flowchart_variable_with_the_name_of_a_workflow_variable_is_an_error()
    {
        var definition = WorkflowDefinitionReader.Read(
            """
            {
              "variables": [{ "id": "v1", "name": "Score", "typeName": "Int32" }],
              "root": {
                "type": "Elsa.Flowchart", "id": "flow",
                "variables": [{ "id": "v2", "name": "Score", "typeName": "String" }],
                "activities": [{ "id": "a", "type": "Elsa.WriteLine" }],
                "connections": []
              }
            }
            """);

        var problem = ValidationJson.Single(ValidationJson.Validate(definition), ValidationCodes.DuplicateVariable);

        Assert.Equal("$.root.variables[0].name", problem.Path);
    }
}

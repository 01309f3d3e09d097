using CareFlows.Engine.Definitions.Serialization;
using CareFlows.Engine.Definitions.Validation;

namespace CareFlows.Engine.Tests.Definitions.Validation;

public class VariableTypeValidationTests
{
    [Fact]
    public void An_unknown_type_alias_is_an_error_reported_once()
    {
        var report = ValidationJson.Validate(
            """{ "id": "a", "type": "Elsa.WriteLine" }""",
            variables: """{ "id": "v1", "name": "Mood", "typeName": "Feelings" }""");

        var problem = Assert.Single(report.Problems);
        Assert.Equal((ValidationCodes.UnknownVariableType, "$.variables[0].typeName", ValidationSeverity.Error), (problem.Code, problem.Path, problem.Severity));
        Assert.Contains("'Mood'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Flowchart_variables_are_checked_at_their_own_path()
    {
        var definition = WorkflowDefinitionReader.Read(
            """
            {
              "root": {
                "type": "Elsa.Flowchart", "id": "flow",
                "variables": [{ "id": "v1", "name": "Ok", "typeName": "String" }, { "id": "v2", "name": "Bad", "typeName": "Strnig" }],
                "activities": [{ "id": "a", "type": "Elsa.WriteLine" }],
                "connections": []
              }
            }
            """);

        var problem = Assert.Single(ValidationJson.Validate(definition).Problems);

        Assert.Equal((ValidationCodes.UnknownVariableType, "$.root.variables[1].typeName"), (problem.Code, problem.Path));
    }

    [Fact]
    public void Aliases_collections_nullables_and_assembly_qualified_types_are_accepted()
    {
        var report = ValidationJson.Validate(
            """{ "id": "a", "type": "Elsa.WriteLine" }""",
            variables: """
                { "id": "v1", "name": "Names", "typeName": "String[]" },
                { "id": "v2", "name": "Due", "typeName": "DateTimeOffset?" },
                { "id": "v3", "name": "Ids", "typeName": "List<Guid>" },
                { "id": "v4", "name": "Status", "typeName": "System.Net.HttpStatusCode, System.Net.Primitives" },
                { "id": "v5", "name": "Anything" }
                """);

        Assert.Empty(report.Problems);
    }
}

using CareFlows.Engine.Definitions.Validation;

namespace CareFlows.Engine.Tests.Definitions.Validation;

public class UnknownActivityTypeTests
{
    [Fact]
    public void An_unknown_type_is_an_error_at_its_type_path_naming_the_activity()
    {
        var report = ValidationJson.Validate(
            """
            { "id": "a", "type": "Elsa.WriteLine", "name": "Say hello" },
            { "id": "b", "type": "Acme.SendFax", "name": "Fax the GP" }
            """,
            """{ "source": { "activity": "a", "port": "Done" }, "target": { "activity": "b", "port": "In" } }""");

        var problem = ValidationJson.Single(report, ValidationCodes.UnknownActivityType);
        Assert.Equal("$.root.activities[1].type", problem.Path);
        Assert.Equal(ValidationSeverity.Error, problem.Severity);
        Assert.Contains("'Fax the GP' (id b)", problem.Message, StringComparison.Ordinal);
        Assert.Contains("'Acme.SendFax'", problem.Message, StringComparison.Ordinal);
        Assert.Contains("cannot run until", problem.Message, StringComparison.Ordinal);
        Assert.Single(report.Problems);
    }

    [Fact]
    public void Every_unknown_type_is_reported()
    {
        var report = ValidationJson.Validate(
            """
            { "id": "a", "type": "Acme.SendFax" },
            { "id": "b", "type": "Elsa.WriteLine" },
            { "id": "c", "type": "Acme.PrintLetter" }
            """,
            """
            { "source": { "activity": "a", "port": "Done" }, "target": { "activity": "b", "port": "In" } },
            { "source": { "activity": "b", "port": "Done" }, "target": { "activity": "c", "port": "In" } }
            """);

        Assert.Equal(["$.root.activities[0].type", "$.root.activities[2].type"], ValidationJson.PathsOf(report, ValidationCodes.UnknownActivityType));
        Assert.False(report.CanRun);
    }
}

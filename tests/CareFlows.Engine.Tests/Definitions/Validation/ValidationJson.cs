using CareFlows.Engine.Definitions;
using CareFlows.Engine.Definitions.Serialization;
using CareFlows.Engine.Definitions.Validation;
using CareFlows.Engine.Execution;

namespace CareFlows.Engine.Tests.Definitions.Validation;

/// <summary>Small inline definitions for the validation tests, and the assertions they share.</summary>
public static class ValidationJson
{
    private static readonly WorkflowEngine Engine = WorkflowEngine.CreateDefault();

    /// <summary>A definition whose root flowchart holds the given activities, connections and workflow variables (JSON list items).</summary>
    public static WorkflowDefinition Flowchart(string activities, string connections = "", string variables = "") =>
        WorkflowDefinitionReader.Read($$"""
            {
              "id": "v1",
              "definitionId": "d1",
              "name": "Test",
              "variables": [{{variables}}],
              "root": { "type": "Elsa.Flowchart", "id": "flow", "activities": [{{activities}}], "connections": [{{connections}}] }
            }
            """);

    public static ValidationReport Validate(WorkflowDefinition definition) => Engine.Validate(definition);

    public static ValidationReport Validate(string activities, string connections = "", string variables = "") =>
        Validate(Flowchart(activities, connections, variables));

    /// <summary>The only problem with <paramref name="code"/>; fails when there is none or more than one.</summary>
    public static ValidationProblem Single(ValidationReport report, string code) =>
        Assert.Single(report.Problems, p => p.Code == code);

    /// <summary>The paths of every problem with <paramref name="code"/>, in report order.</summary>
    public static IEnumerable<string> PathsOf(ValidationReport report, string code) =>
        report.Problems.Where(p => p.Code == code).Select(p => p.Path);
}

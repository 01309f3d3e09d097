using CareFlows.Engine.Definitions;
using CareFlows.Engine.Definitions.Serialization;

namespace CareFlows.Engine.Tests.TestSupport;

/// <summary>Loads definition files copied next to the test assembly.</summary>
public static class Definitions
{
    public static string CompatDirectory => Path.Combine(AppContext.BaseDirectory, "ElsaCompat");

    public static string WorkflowsDirectory => Path.Combine(AppContext.BaseDirectory, "Workflows");

    public static IEnumerable<string> CompatFiles => Directory.EnumerateFiles(CompatDirectory, "*.json").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal);

    public static byte[] CompatBytes(string fileName) => File.ReadAllBytes(Path.Combine(CompatDirectory, fileName));

    public static WorkflowDefinition Compat(string fileName) => WorkflowDefinitionReader.Read(CompatBytes(fileName));

    public static WorkflowDefinition Workflow(string definitionId) =>
        WorkflowDefinitionReader.Read(File.ReadAllBytes(Path.Combine(WorkflowsDirectory, definitionId + ".json")));
}

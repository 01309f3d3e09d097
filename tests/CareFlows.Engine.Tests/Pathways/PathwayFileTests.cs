using System.Text.Json.Nodes;
using CareFlows.Engine.Definitions.Serialization;
using CareFlows.Engine.Tests.TestSupport;
using CareFlows.Engine.Tests.Definitions.Validation;

namespace CareFlows.Engine.Tests.Pathways;

/// <summary>The pathway files in <c>workflows/</c>: valid Elsa 3 JSON that runs, round-trips losslessly and reads well on the canvas.</summary>
public class PathwayFileTests
{
    private static IEnumerable<string> Files =>
        Directory.EnumerateFiles(TestSupport.Definitions.WorkflowsDirectory, "*.json").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal);

    public static TheoryData<string> PathwayFiles => [.. Files];

    [Fact]
    public void The_care_pathways_are_there() => Assert.Contains("discharge-follow-up.json", Files);

    [Theory]
    [MemberData(nameof(PathwayFiles))]
    public void Each_validates_without_errors_or_warnings_and_can_run(string fileName)
    {
        var report = ValidationJson.Validate(Read(fileName));

        Assert.Empty(report.Errors.Select(e => $"{e.Path}: {e.Message}"));
        Assert.Empty(report.Warnings.Select(e => $"{e.Path}: {e.Message}"));
        Assert.True(report.CanRun);
    }

    [Theory]
    [MemberData(nameof(PathwayFiles))]
    public void Each_exports_exactly_as_it_was_read(string fileName)
    {
        var bytes = File.ReadAllBytes(Path.Combine(TestSupport.Definitions.WorkflowsDirectory, fileName));

        JsonAssert.Equivalent(JsonNode.Parse(bytes), WorkflowDefinitionWriter.ToJson(WorkflowDefinitionReader.Read(bytes)));
    }

    [Theory]
    [MemberData(nameof(PathwayFiles))]
    public void Each_activity_has_its_own_place_and_a_label_on_the_canvas(string fileName)
    {
        var activities = JsonNode.Parse(File.ReadAllBytes(Path.Combine(TestSupport.Definitions.WorkflowsDirectory, fileName)))!["root"]!["activities"]!.AsArray();

        var places = activities.Select(a => a!["metadata"]?["designer"]?["position"]).ToList();
        Assert.All(places, Assert.NotNull);
        var distinct = places.Select(p => (p!["x"]!.GetValue<double>(), p["y"]!.GetValue<double>())).Distinct().Count();
        Assert.Equal(activities.Count, distinct);
        Assert.All(activities, a => Assert.False(string.IsNullOrWhiteSpace(a!["metadata"]?["displayText"]?.GetValue<string>()), $"{a!["id"]} has no label."));
    }

    private static Engine.Definitions.WorkflowDefinition Read(string fileName) =>
        WorkflowDefinitionReader.Read(File.ReadAllBytes(Path.Combine(TestSupport.Definitions.WorkflowsDirectory, fileName)));
}

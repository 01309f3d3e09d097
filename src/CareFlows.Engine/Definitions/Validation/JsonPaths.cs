namespace CareFlows.Engine.Definitions.Validation;

/// <summary>JSON paths of the parts of a definition, as problems report them.</summary>
internal static class JsonPaths
{
    public const string RootType = "$.root.type";
    public const string RootStart = "$.root.start";
    public const string RootActivities = "$.root.activities";

    public static string Activity(int index) => $"$.root.activities[{index}]";

    /// <summary>The activity id at one end of a connection: <c>source.activity</c>, or <c>source</c> in the 3.0 format.</summary>
    public static string ConnectionActivity(int index, ConnectionDefinition connection, ConnectionEnd end) =>
        connection.IsLegacyFormat ? $"{Connection(index)}.{Name(end)}" : $"{Connection(index)}.{Name(end)}.activity";

    /// <summary>The port at one end of a connection: <c>source.port</c>, or <c>sourcePort</c> in the 3.0 format.</summary>
    public static string ConnectionPort(int index, ConnectionDefinition connection, ConnectionEnd end) =>
        connection.IsLegacyFormat ? $"{Connection(index)}.{Name(end)}Port" : $"{Connection(index)}.{Name(end)}.port";

    /// <summary>The flowchart's activities with their paths, in definition order.</summary>
    public static IEnumerable<(ActivityDefinition Activity, string Path)> Activities(FlowchartDefinition flowchart) =>
        flowchart.Activities.Select((a, i) => (a, Activity(i)));

    /// <summary>Every variable in scope at the root with its path: workflow-level first, then the flowchart's own.</summary>
    public static IEnumerable<(VariableDefinition Variable, string Path)> Variables(WorkflowDefinition definition) =>
        (definition.Variables ?? []).Select((v, i) => (v, $"$.variables[{i}]"))
            .Concat((definition.Flowchart?.Variables ?? []).Select((v, i) => (v, $"$.root.variables[{i}]")));

    private static string Connection(int index) => $"$.root.connections[{index}]";

    private static string Name(ConnectionEnd end) => end == ConnectionEnd.Source ? "source" : "target";
}

/// <summary>Which end of a connection a problem concerns.</summary>
internal enum ConnectionEnd
{
    Source,
    Target,
}

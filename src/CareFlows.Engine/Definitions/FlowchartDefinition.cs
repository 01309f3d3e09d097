namespace CareFlows.Engine.Definitions;

/// <summary>An <c>Elsa.Flowchart</c>: activities joined by connections from outcome ports.</summary>
public sealed class FlowchartDefinition : ActivityDefinition
{
    /// <summary>The flowchart's type name.</summary>
    public const string TypeName = "Elsa.Flowchart";

    public FlowchartDefinition() => Type = TypeName;

    public List<ActivityDefinition> Activities { get; init; } = [];

    public List<ConnectionDefinition> Connections { get; init; } = [];

    /// <summary>Flowchart-scoped variables.</summary>
    public List<VariableDefinition>? Variables { get; set; }

    /// <summary>The 3.0 <c>start</c> field naming the start activity, if present.</summary>
    public string? Start { get; set; }

    /// <summary>The activity with the given id, or null.</summary>
    public ActivityDefinition? FindActivity(string id) => Activities.Find(a => a.Id == id);
}

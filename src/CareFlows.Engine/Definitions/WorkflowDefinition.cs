using System.Text.Json.Nodes;

namespace CareFlows.Engine.Definitions;

/// <summary>
/// One version of a workflow definition in Elsa 3's workflow-definition JSON format.
/// Fields CareFlows does not model are kept verbatim in <see cref="Extensions"/>, so a definition
/// read and written again is unchanged.
/// </summary>
public sealed class WorkflowDefinition
{
    /// <summary>Id of this version (Elsa's definition version id).</summary>
    public string? Id { get; set; }

    /// <summary>Stable id shared by every version of the workflow.</summary>
    public string? DefinitionId { get; set; }

    public string? TenantId { get; set; }

    public string? Name { get; set; }

    public string? Description { get; set; }

    public DateTimeOffset? CreatedAt { get; set; }

    /// <summary>Version number, starting at 1.</summary>
    public int? Version { get; set; }

    /// <summary>Version of the tool that wrote the file, for example <c>3.3.0.0</c>.</summary>
    public string? ToolVersion { get; set; }

    /// <summary>Workflow-scoped variables.</summary>
    public List<VariableDefinition>? Variables { get; set; }

    /// <summary>Workflow inputs as Elsa's InputDefinition objects.</summary>
    public JsonArray? Inputs { get; set; }

    /// <summary>Workflow outputs as Elsa's OutputDefinition objects.</summary>
    public JsonArray? Outputs { get; set; }

    /// <summary>Outcomes the workflow exposes when used as an activity.</summary>
    public JsonArray? Outcomes { get; set; }

    public JsonObject? CustomProperties { get; set; }

    public bool? IsReadonly { get; set; }

    public bool? IsSystem { get; set; }

    public bool? IsLatest { get; set; }

    public bool? IsPublished { get; set; }

    /// <summary>Elsa's WorkflowOptions: activation, incident and commit strategies and related settings.</summary>
    public JsonObject? Options { get; set; }

    /// <summary>The root activity, normally an <c>Elsa.Flowchart</c>.</summary>
    public ActivityDefinition Root { get; set; } = new FlowchartDefinition();

    /// <summary>Top-level fields CareFlows does not model, and known fields written as explicit nulls.</summary>
    public JsonObject Extensions { get; init; } = [];

    /// <summary>The root as a flowchart, or null when the root is another kind of activity.</summary>
    public FlowchartDefinition? Flowchart => Root as FlowchartDefinition;

    /// <summary>The incident strategy named in <see cref="Options"/>; Fault unless it says otherwise.</summary>
    public IncidentStrategy IncidentStrategy =>
        Options?["incidentStrategyType"]?.GetValueKind() == System.Text.Json.JsonValueKind.String
        && Options["incidentStrategyType"]!.GetValue<string>().Contains("ContinueWithIncidents", StringComparison.Ordinal)
            ? IncidentStrategy.ContinueWithIncidents
            : IncidentStrategy.Fault;

    /// <summary>Every variable in scope at the root: workflow-level first, then the flowchart's own.</summary>
    public IEnumerable<VariableDefinition> AllVariables =>
        (Variables ?? []).Concat(Flowchart?.Variables ?? []);
}

/// <summary>What happens to an instance when one of its activities faults.</summary>
public enum IncidentStrategy
{
    /// <summary>The instance moves to Faulted (Elsa's FaultStrategy, the default).</summary>
    Fault,

    /// <summary>The incident is recorded and the rest of the instance keeps running.</summary>
    ContinueWithIncidents,
}

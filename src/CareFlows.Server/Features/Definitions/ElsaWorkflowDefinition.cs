using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace CareFlows.Server.Features.Definitions;

// The shape of an Elsa 3 workflow definition, for the OpenAPI document only: bodies are read and written as JSON,
// losslessly, so members not named here are accepted and kept.

/// <summary>An Elsa 3 workflow definition (one version of it). Members not listed here are allowed and kept.</summary>
public sealed record ElsaWorkflowDefinition
{
    /// <summary>The id of this version.</summary>
    public string? Id { get; init; }

    /// <summary>The id shared by every version of the workflow.</summary>
    public string? DefinitionId { get; init; }

    public string? Name { get; init; }

    public string? Description { get; init; }

    public int? Version { get; init; }

    public DateTimeOffset? CreatedAt { get; init; }

    public string? ToolVersion { get; init; }

    public IReadOnlyList<ElsaVariable>? Variables { get; init; }

    public IReadOnlyList<JsonObject>? Inputs { get; init; }

    public IReadOnlyList<JsonObject>? Outputs { get; init; }

    public IReadOnlyList<string>? Outcomes { get; init; }

    public JsonObject? CustomProperties { get; init; }

    public JsonObject? Options { get; init; }

    public bool? IsLatest { get; init; }

    public bool? IsPublished { get; init; }

    /// <summary>The root activity, usually an <c>Elsa.Flowchart</c> holding the activities and their connections.</summary>
    public ElsaFlowchart? Root { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? OtherMembers { get; init; }
}

/// <summary>An activity: its common members, and its inputs and outputs as further members named after them.</summary>
public record ElsaActivity
{
    /// <summary>Unique within its container; connections name activities by it.</summary>
    public string? Id { get; init; }

    public string? NodeId { get; init; }

    public string? Name { get; init; }

    /// <summary>The activity type, e.g. <c>Elsa.WriteLine</c>; <c>GET /api/activities</c> lists those CareFlows runs.</summary>
    public string? Type { get; init; }

    public int? Version { get; init; }

    public JsonObject? CustomProperties { get; init; }

    /// <summary>Designer data: position, size, display text.</summary>
    public JsonObject? Metadata { get; init; }

    /// <summary>Inputs (<c>{"typeName", "expression": {"type", "value"}}</c>), outputs and nested activities.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? InputsAndOutputs { get; init; }
}

/// <summary>An <c>Elsa.Flowchart</c>: activities and the connections between their outcome ports.</summary>
public sealed record ElsaFlowchart : ElsaActivity
{
    public IReadOnlyList<ElsaActivity>? Activities { get; init; }

    public IReadOnlyList<ElsaConnection>? Connections { get; init; }

    public IReadOnlyList<ElsaVariable>? Variables { get; init; }
}

/// <summary>From an activity's outcome port to another activity's <c>In</c> port.</summary>
public sealed record ElsaConnection(ElsaConnectionEnd Source, ElsaConnectionEnd Target);

public sealed record ElsaConnectionEnd(string Activity, string Port);

/// <summary>A workflow variable; activity outputs name variables by id.</summary>
public sealed record ElsaVariable
{
    public string? Id { get; init; }

    public string? Name { get; init; }

    /// <summary>A type alias such as <c>String</c>, <c>Int32</c>, <c>Object</c>.</summary>
    public string? TypeName { get; init; }

    public bool? IsArray { get; init; }

    public JsonNode? Value { get; init; }

    public string? StorageDriverTypeName { get; init; }
}

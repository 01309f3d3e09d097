using System.Text.Json.Nodes;

namespace CareFlows.Engine.Definitions;

/// <summary>A workflow or flowchart variable: <c>{id, name, typeName, isArray, value, storageDriverTypeName}</c>.</summary>
public sealed class VariableDefinition
{
    public string? Id { get; set; }

    public string Name { get; set; } = "";

    /// <summary>A type alias such as <c>String</c>, <c>Int32</c> or <c>Object</c>.</summary>
    public string? TypeName { get; set; }

    public bool? IsArray { get; set; }

    /// <summary>The default value, which Elsa writes as a string (for example <c>"0"</c>).</summary>
    public JsonNode? Value { get; set; }

    public string? StorageDriverTypeName { get; set; }

    /// <summary>Fields CareFlows does not model, and known fields written as explicit nulls.</summary>
    public JsonObject Extensions { get; init; } = [];
}

using System.Text.Json;
using System.Text.Json.Nodes;

namespace CareFlows.Engine.Definitions;

/// <summary>
/// One activity of a definition. Its inputs, outputs and any fields CareFlows does not model live in
/// <see cref="Properties"/> exactly as they were read.
/// </summary>
public class ActivityDefinition
{
    public string Id { get; set; } = "";

    /// <summary>Type name such as <c>Elsa.WriteLine</c> or <c>CareFlows.HumanTask</c>.</summary>
    public string Type { get; set; } = "";

    public int? Version { get; set; }

    /// <summary>Derived path such as <c>Workflow1:flowchartId:activityId</c>.</summary>
    public string? NodeId { get; set; }

    public string? Name { get; set; }

    /// <summary>canStartWorkflow, runAsynchronously and other per-activity settings.</summary>
    public JsonObject? CustomProperties { get; set; }

    /// <summary>Designer metadata: position, size, display text, description.</summary>
    public JsonObject? Metadata { get; set; }

    /// <summary>Inputs, outputs, embedded activities and unmodelled fields, keyed as in the JSON (camelCase).</summary>
    public JsonObject Properties { get; init; } = [];

    /// <summary>Whether this activity may start a new instance (customProperties first, then the 3.0 root field).</summary>
    public bool CanStartWorkflow
    {
        get => ReadFlag("canStartWorkflow");
        set => (CustomProperties ??= [])["canStartWorkflow"] = value;
    }

    /// <summary>The name shown to people: display text, then name, then type and id.</summary>
    public string DisplayName =>
        Metadata?["displayText"] is JsonValue text && text.TryGetValue<string>(out var s) && s.Length > 0
            ? s
            : Name ?? $"{Type} {Id}";

    /// <summary>The raw JSON of a property, matched case-insensitively as Elsa's reader does.</summary>
    public JsonNode? GetProperty(string name) => JsonKeys.Get(Properties, name);

    /// <summary>The key under which <paramref name="name"/> is stored, if present in any casing.</summary>
    public string? FindPropertyKey(string name) => JsonKeys.Find(Properties, name);

    /// <summary>The input named <paramref name="name"/>, or null when it is absent or unset.</summary>
    public InputDefinition? GetInput(string name) => InputDefinition.From(GetProperty(name));

    /// <summary>Sets an input, replacing whatever was stored under that name.</summary>
    public void SetInput(string name, InputDefinition input) =>
        Properties[FindPropertyKey(name) ?? name] = input.ToJson();

    /// <summary>The id of the variable an output is bound to, or null when the output is not captured.</summary>
    public string? GetOutputVariableId(string name) =>
        GetProperty(name) is JsonObject output
        && output["memoryReference"] is JsonObject reference
        && reference["id"] is JsonValue id
        && id.GetValueKind() == JsonValueKind.String
            ? id.GetValue<string>()
            : null;

    private bool ReadFlag(string name)
    {
        if (CustomProperties?[name] is JsonValue custom && custom.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
        {
            return custom.GetValue<bool>();
        }

        return GetProperty(name) is JsonValue legacy
            && legacy.GetValueKind() is JsonValueKind.True or JsonValueKind.False
            && legacy.GetValue<bool>();
    }
}

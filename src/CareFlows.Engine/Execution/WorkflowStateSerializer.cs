using System.Text.Json;
using System.Text.Json.Serialization;
using CareFlows.Engine.Expressions;

namespace CareFlows.Engine.Execution;

/// <summary>
/// Writes an instance's state as a JSON document and reads it back. Declared variables come back in their
/// declared types; everything else comes back in its JSON shape, which is also how the engine holds it.
/// </summary>
public static class WorkflowStateSerializer
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PreferredObjectCreationHandling = JsonObjectCreationHandling.Populate,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>The state as UTF-8 JSON.</summary>
    public static byte[] SerializeToUtf8(WorkflowState state) => JsonSerializer.SerializeToUtf8Bytes(state, Options);

    /// <summary>The state as JSON text.</summary>
    public static string Serialize(WorkflowState state) => JsonSerializer.Serialize(state, Options);

    /// <summary>Reads a state; <paramref name="workflow"/> gives the declared types of its variables.</summary>
    public static WorkflowState Deserialize(ReadOnlySpan<byte> utf8Json, CompiledWorkflow workflow)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        var state = JsonSerializer.Deserialize<WorkflowState>(utf8Json, Options)
            ?? throw new JsonException("The instance state document is empty.");
        Restore(state, workflow);
        return state;
    }

    /// <summary>Reads a state from JSON text.</summary>
    public static WorkflowState Deserialize(string json, CompiledWorkflow workflow) =>
        Deserialize(System.Text.Encoding.UTF8.GetBytes(json), workflow);

    private static void Restore(WorkflowState state, CompiledWorkflow workflow)
    {
        RestoreShapes(state.Input);
        RestoreShapes(state.Output);
        RestoreShapes(state.Variables);
        foreach (var record in state.Activities.Values)
        {
            if (record.Outputs is { } outputs)
            {
                RestoreShapes(outputs);
            }
        }

        foreach (var slot in workflow.Variables)
        {
            if (slot.IsTyped && state.Variables.TryGetValue(slot.Name, out var value))
            {
                state.Variables[slot.Name] = ValueConverter.Convert(value, slot.Type);
            }
        }
    }

    private static void RestoreShapes(Dictionary<string, object?> values)
    {
        foreach (var key in values.Keys.ToList())
        {
            values[key] = VariableStore.AsJsonShape(values[key]);
        }
    }
}

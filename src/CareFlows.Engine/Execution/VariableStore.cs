using System.Text.Json.Nodes;
using CareFlows.Engine.Expressions;

namespace CareFlows.Engine.Execution;

/// <summary>
/// An instance's variables. Declared variables hold their declared type; anything else is kept in its JSON
/// shape, so what is in memory equals what a serialized and reloaded instance holds.
/// </summary>
internal sealed class VariableStore(CompiledWorkflow workflow, WorkflowState state)
{
    public IEnumerable<string> Names => state.Variables.Keys;

    public bool TryGet(string name, out object? value) => state.Variables.TryGetValue(name, out value);

    public void Set(string name, object? value)
    {
        var slot = Find(name);
        state.Variables[slot?.Name ?? name] = slot is { IsTyped: true } ? ValueConverter.Convert(value, slot.Type) : AsJsonShape(value);
    }

    /// <summary>Gives every declared variable its default value.</summary>
    public void Initialize()
    {
        foreach (var slot in workflow.Variables)
        {
            state.Variables[slot.Name] = slot.DefaultValue is JsonNode node ? node.DeepClone() : slot.DefaultValue;
        }
    }

    /// <summary>The value as it would come back from JSON: scalars as string, bool, int, long or double; the rest as JSON.</summary>
    internal static object? AsJsonShape(object? value)
    {
        switch (value)
        {
            case null or string or bool or int or long:
                return value;
            case double d when double.IsFinite(d) && d == Math.Floor(d) && Math.Abs(d) < 9e15:
                return d is >= int.MinValue and <= int.MaxValue ? (int)d : (long)d;
            case double:
                return value;
        }

        var json = ValueConverter.ToJson(value);
        return json is null ? null : ValueConverter.Normalize(JsonNode.Parse(json.ToJsonString()));
    }

    private VariableSlot? Find(string name)
    {
        foreach (var slot in workflow.Variables)
        {
            if (string.Equals(slot.Name, name, StringComparison.OrdinalIgnoreCase) || slot.Id == name)
            {
                return slot;
            }
        }

        return null;
    }
}

using CareFlows.Engine.Expressions;

namespace CareFlows.Engine.Tests.Expressions;

/// <summary>A dictionary-backed scope: variables (case-insensitive, optionally typed), input, outputs and a fixed clock.</summary>
public sealed class TestExpressionScope : IExpressionScope
{
    private readonly Dictionary<string, object?> _variables = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Type> _types = new(StringComparer.OrdinalIgnoreCase);
    private int _ids;

    public string InstanceId { get; init; } = "instance-1";

    public string? CorrelationId { get; set; }

    public string? InstanceName { get; set; }

    public IEnumerable<string> VariableNames => _variables.Keys;

    public Dictionary<string, object?> InputValues { get; } = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyDictionary<string, object?> Input => InputValues;

    /// <summary>Outputs by "activity/output"; an activity's own result is under "activity/".</summary>
    public Dictionary<string, object?> Outputs { get; } = new(StringComparer.OrdinalIgnoreCase);

    public object? LastResult { get; set; }

    public DateTimeOffset Now { get; set; } = new(2025, 3, 14, 9, 26, 53, TimeSpan.Zero);

    /// <summary>Declares a variable of a type, so SetVariable converts to it as the engine would.</summary>
    public TestExpressionScope With(string name, object? value, Type? type = null)
    {
        if (type is not null)
        {
            _types[name] = type;
        }

        SetVariable(name, value);
        return this;
    }

    public bool TryGetVariable(string name, out object? value) => _variables.TryGetValue(name, out value);

    public object? Variable(string name) => _variables.TryGetValue(name, out var value) ? value : null;

    public void SetVariable(string name, object? value) =>
        _variables[name] = _types.TryGetValue(name, out var type) ? ValueConverter.Convert(value, type) : value;

    public object? GetOutputFrom(string activityNameOrId, string? outputName) =>
        Outputs.TryGetValue($"{activityNameOrId}/{outputName}", out var value) ? value : null;

    public string NewId() => $"id-{++_ids}";
}

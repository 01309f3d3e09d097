namespace CareFlows.Engine.Expressions;

/// <summary>
/// What an expression may read and change while it is evaluated: the instance's variables, input and
/// identity, earlier activities' outputs, and the engine's clock. Nothing else — expressions have no host access.
/// </summary>
public interface IExpressionScope
{
    /// <summary>The instance being run.</summary>
    string InstanceId { get; }

    /// <summary>The instance's correlation id; setting it re-correlates the instance.</summary>
    string? CorrelationId { get; set; }

    /// <summary>The instance's display name; setting it renames the instance.</summary>
    string? InstanceName { get; set; }

    /// <summary>Names of every variable in scope, declared or set at run time.</summary>
    IEnumerable<string> VariableNames { get; }

    /// <summary>Reads a variable by name (case-insensitively).</summary>
    bool TryGetVariable(string name, out object? value);

    /// <summary>Sets a variable by name, converting the value to the variable's declared type.</summary>
    void SetVariable(string name, object? value);

    /// <summary>The instance's input values.</summary>
    IReadOnlyDictionary<string, object?> Input { get; }

    /// <summary>An output of an activity that already ran, found by activity name or id; null when absent.</summary>
    object? GetOutputFrom(string activityNameOrId, string? outputName);

    /// <summary>The result of the activity that ran last, if it produced one.</summary>
    object? LastResult { get; }

    /// <summary>The engine clock's current time.</summary>
    DateTimeOffset Now { get; }

    /// <summary>A fresh id from the engine's identity generator.</summary>
    string NewId();
}

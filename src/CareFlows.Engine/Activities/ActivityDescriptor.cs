using System.Reflection;

namespace CareFlows.Engine.Activities;

/// <summary>What the designer needs to know about an activity type; built from the class's attributes.</summary>
public sealed record ActivityDescriptor(
    string TypeName,
    string Namespace,
    string Name,
    string DisplayName,
    string Category,
    string Description,
    bool IsTrigger,
    IReadOnlyList<InputDescriptor> Inputs,
    IReadOnlyList<OutputDescriptor> Outputs,
    IReadOnlyList<string> Outcomes,
    string? DynamicOutcomesInput)
{
    internal Type ClrType { get; init; } = typeof(object);

    internal Func<Activity> Factory { get; init; } = () => throw new InvalidOperationException();
}

/// <summary>
/// One input of an activity type: an expression the engine evaluates (an <see cref="InputAttribute"/> property), or a
/// structure the activity reads itself when configured (a <see cref="ConfiguredInputAttribute"/>).
/// </summary>
public sealed record InputDescriptor(
    string Name,
    string DisplayName,
    string TypeName,
    string Description,
    string UIHint,
    string DefaultSyntax,
    IReadOnlyList<string>? Options,
    bool Required,
    object? DefaultValue)
{
    /// <summary>The <see cref="Input{T}"/> property the engine binds; null for an input the activity reads itself.</summary>
    internal PropertyInfo? Property { get; init; }
}

/// <summary>One output of an activity type.</summary>
public sealed record OutputDescriptor(string Name, string TypeName, string Description)
{
    internal PropertyInfo Property { get; init; } = null!;
}

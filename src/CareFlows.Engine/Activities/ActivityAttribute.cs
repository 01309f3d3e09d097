namespace CareFlows.Engine.Activities;

/// <summary>Names an activity class and describes it for the designer's toolbox.</summary>
/// <param name="namespace">Type-name namespace, for example <c>Elsa</c> or <c>CareFlows</c>.</param>
/// <param name="name">Type-name suffix, for example <c>WriteLine</c>; the type name is <c>namespace.name</c>.</param>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ActivityAttribute(string @namespace, string name) : Attribute
{
    public string Namespace => @namespace;

    public string Name => name;

    /// <summary>Full type name as it appears in definitions.</summary>
    public string TypeName => $"{@namespace}.{name}";

    /// <summary>Toolbox category, for example <c>Flow</c> or <c>Timers</c>.</summary>
    public string Category { get; init; } = "Miscellaneous";

    /// <summary>What the activity does, in a sentence the designer shows as help text.</summary>
    public string Description { get; init; } = "";

    /// <summary>Name shown in the toolbox; defaults to the type-name suffix.</summary>
    public string? DisplayName { get; init; }

    /// <summary>Whether the activity can start new instances when <c>canStartWorkflow</c> is set.</summary>
    public bool IsTrigger { get; init; }
}

/// <summary>Describes an input property: its JSON name is the camelCased property name.</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class InputAttribute : Attribute
{
    /// <summary>Help text for the property panel.</summary>
    public string Description { get; init; } = "";

    /// <summary>Editor hint such as <c>singleline</c>, <c>multiline</c>, <c>dropdown</c>, <c>code</c>; see <see cref="UIHints"/>.</summary>
    public string UIHint { get; init; } = UIHints.SingleLine;

    /// <summary>Label shown in the property panel; defaults to the property name.</summary>
    public string? DisplayName { get; init; }

    /// <summary>Choices for dropdown and radio editors.</summary>
    public string[]? Options { get; init; }

    /// <summary>Syntax the designer proposes for a new value, for example <c>Literal</c> or <c>JavaScript</c>.</summary>
    public string DefaultSyntax { get; init; } = "Literal";

    /// <summary>Whether a definition must set this input.</summary>
    public bool Required { get; init; }
}

/// <summary>
/// Describes an input the activity reads from its definition itself, in <see cref="Activity.Configure"/>, because its
/// value is a structure rather than one expression (Set Variable's variable, Switch's cases). The designer lists and
/// edits it like any other input; only a described input may be read there.
/// </summary>
/// <param name="name">The JSON property name in a definition (camelCase), for example <c>cases</c>.</param>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class ConfiguredInputAttribute(string name) : Attribute
{
    /// <summary>The JSON property name in a definition.</summary>
    public string Name => name;

    /// <summary>The value's type as the designer shows it, for example <c>Variable</c> or <c>FlowSwitchCase[]</c>.</summary>
    public string TypeName { get; init; } = "Object";

    /// <summary>Help text for the property panel.</summary>
    public string Description { get; init; } = "";

    /// <summary>The editor for the structure, for example <see cref="UIHints.VariablePicker"/> or <see cref="UIHints.Cases"/>.</summary>
    public string UIHint { get; init; } = UIHints.Json;

    /// <summary>Label shown in the property panel; defaults to the name with a capital first letter.</summary>
    public string? DisplayName { get; init; }

    /// <summary>Whether a definition must set this input; the activity reports it missing when the definition is compiled.</summary>
    public bool Required { get; init; }
}

/// <summary>Describes an output property that a definition may bind to a variable.</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class OutputAttribute : Attribute
{
    /// <summary>Help text for the property panel.</summary>
    public string Description { get; init; } = "";
}

/// <summary>
/// The outcome ports an activity completes through. Without this attribute an activity has one port, <c>Done</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class OutcomesAttribute(params string[] outcomes) : Attribute
{
    public IReadOnlyList<string> Outcomes => outcomes;

    /// <summary>The input whose value lists further outcomes (branch names, case labels, task outcomes).</summary>
    public string? DynamicFrom { get; init; }
}

/// <summary>Editor hints the designer understands.</summary>
public static class UIHints
{
    public const string SingleLine = "singleline";
    public const string MultiLine = "multiline";
    public const string Checkbox = "checkbox";
    public const string Dropdown = "dropdown";
    public const string Code = "code";
    public const string Json = "json";
    public const string DateTimePicker = "datetime-picker";
    public const string DynamicOutcomes = "dynamic-outcomes";
    public const string VariablePicker = "variable-picker";
    public const string Cases = "flow-switch-editor";
    public const string Form = "form-designer";
}

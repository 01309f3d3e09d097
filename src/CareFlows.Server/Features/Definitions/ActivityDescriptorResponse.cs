using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using CareFlows.Engine.Activities;

namespace CareFlows.Server.Features.Definitions;

/// <summary>An activity type as the designer's toolbox and property panel need it.</summary>
/// <param name="TypeName">The type name definitions use, for example <c>Elsa.WriteLine</c>.</param>
/// <param name="Namespace">The type name's namespace, for example <c>Elsa</c> or <c>CareFlows</c>.</param>
/// <param name="Name">The type name without its namespace.</param>
/// <param name="DisplayName">The name the toolbox shows.</param>
/// <param name="Category">The toolbox group, for example <c>Flow</c> or <c>Timers</c>.</param>
/// <param name="Description">Help text.</param>
/// <param name="IsTrigger">Whether it can start new instances when <c>canStartWorkflow</c> is set.</param>
/// <param name="Inputs">The properties the property panel edits.</param>
/// <param name="Outputs">The results a definition may bind to variables.</param>
/// <param name="Outcomes">The ports it completes through.</param>
/// <param name="DynamicOutcomesInput">The input whose value adds further outcomes (branches, cases, task outcomes).</param>
public sealed record ActivityDescriptorResponse(
    string TypeName,
    string Namespace,
    string Name,
    string DisplayName,
    string Category,
    string Description,
    bool IsTrigger,
    IReadOnlyList<ActivityInputResponse> Inputs,
    IReadOnlyList<ActivityOutputResponse> Outputs,
    IReadOnlyList<string> Outcomes,
    string? DynamicOutcomesInput);

/// <summary>One input of an activity type.</summary>
/// <param name="Name">The JSON property name in a definition (camelCase).</param>
/// <param name="DisplayName">The label the property panel shows.</param>
/// <param name="TypeName">Elsa's type alias, for example <c>String</c> or <c>TimeSpan</c>.</param>
/// <param name="Description">Help text.</param>
/// <param name="UIHint">The property editor, for example <c>singleline</c> or <c>dropdown</c>.</param>
/// <param name="DefaultSyntax">The expression syntax proposed for a new value.</param>
/// <param name="Options">Choices for dropdown editors.</param>
/// <param name="Required">Whether a definition must set it.</param>
/// <param name="DefaultValue">The value used when the definition leaves the input unset; null when there is none.</param>
public sealed record ActivityInputResponse(
    string Name,
    string DisplayName,
    string TypeName,
    string Description,
    string UIHint,
    string DefaultSyntax,
    IReadOnlyList<string>? Options,
    bool Required,
    JsonNode? DefaultValue);

/// <summary>One output of an activity type.</summary>
public sealed record ActivityOutputResponse(string Name, string TypeName, string Description);

public static class ActivityDescriptorMappings
{
    private static readonly JsonSerializerOptions ValueOptions = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static ActivityDescriptorResponse ToResponse(this ActivityDescriptor descriptor)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        return new ActivityDescriptorResponse(
            descriptor.TypeName,
            descriptor.Namespace,
            descriptor.Name,
            descriptor.DisplayName,
            descriptor.Category,
            descriptor.Description,
            descriptor.IsTrigger,
            [.. descriptor.Inputs.Select(i => new ActivityInputResponse(i.Name, i.DisplayName, i.TypeName, i.Description, i.UIHint, i.DefaultSyntax, i.Options, i.Required, DefaultValue(i.DefaultValue)))],
            [.. descriptor.Outputs.Select(o => new ActivityOutputResponse(o.Name, o.TypeName, o.Description))],
            descriptor.Outcomes,
            descriptor.DynamicOutcomesInput);
    }

    // A struct left at its zero value (a date of 0001-01-01, say) means "no default", not a value to propose;
    // booleans, numbers and enums are real defaults even at zero.
    private static JsonNode? DefaultValue(object? value)
    {
        if (value is null)
        {
            return null;
        }

        var type = value.GetType();
        var meaningful = !type.IsValueType || type.IsPrimitive || type.IsEnum || !value.Equals(Activator.CreateInstance(type));
        return meaningful ? JsonSerializer.SerializeToNode(value, type, ValueOptions) : null;
    }
}

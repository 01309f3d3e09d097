using System.Text.Json;
using System.Text.Json.Nodes;
using CareFlows.Engine.Definitions;
using CareFlows.Engine.Execution;

namespace CareFlows.Engine.Activities.Primitives;

[Activity("Elsa", "SetVariable", Category = "Primitives", DisplayName = "Set Variable", Description = "Sets a workflow variable to a value.")]
[ConfiguredInput("variable", TypeName = "Variable", UIHint = UIHints.VariablePicker, Required = true, Description = "The variable to set: one declared in this workflow, by id or name.")]
public sealed class SetVariable : CodeActivity
{
    private string? _variableName;

    [Input(Description = "The value to assign; it is converted to the variable's type.")]
    public Input<object> Value { get; } = new();

    public override void Configure(ActivityConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var path = configuration.PathOf("variable");
        var reference = configuration.GetProperty("variable");
        var idOrName = reference switch
        {
            JsonObject obj => (JsonKeys.Get(obj, "id") ?? JsonKeys.Get(obj, "name")) is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null,
            JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
            _ => null,
        };
        if (idOrName is null)
        {
            configuration.AddError(path, "Set Variable needs the variable to set.");
            return;
        }

        var variable = configuration.FindVariable(idOrName)
            ?? (reference is JsonObject o && JsonKeys.Get(o, "name") is JsonValue name && name.GetValueKind() == JsonValueKind.String ? configuration.FindVariable(name.GetValue<string>()) : null);
        if (variable is null)
        {
            configuration.AddError(path, $"Variable '{idOrName}' is not declared in this workflow.");
            return;
        }

        _variableName = variable.Name;
    }

    protected override void Execute(ActivityExecutionContext context) =>
        context.SetVariable(_variableName ?? throw new InvalidOperationException("Set Variable has no variable."), context.Get(Value));
}

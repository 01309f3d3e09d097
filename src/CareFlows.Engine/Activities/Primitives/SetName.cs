using CareFlows.Engine.Execution;

namespace CareFlows.Engine.Activities.Primitives;

[Activity("Elsa", "SetName", Category = "Primitives", DisplayName = "Set Name", Description = "Sets the instance's display name.")]
public sealed class SetName : CodeActivity
{
    [Input(Description = "The new name of the instance.")]
    public Input<string> Value { get; } = new();

    protected override void Execute(ActivityExecutionContext context) => context.InstanceName = context.Get(Value);
}

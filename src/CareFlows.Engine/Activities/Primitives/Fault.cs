using CareFlows.Engine.Execution;

namespace CareFlows.Engine.Activities.Primitives;

[Activity("Elsa", "Fault", Category = "Primitives", Description = "Raises an incident; under the default incident strategy the instance becomes Faulted.")]
[Outcomes]
public sealed class Fault : CodeActivity
{
    [Input(Description = "A code identifying the fault.")]
    public Input<string> Code { get; } = new();

    [Input(Description = "A category, for example 'failure'.")]
    public Input<string> Category { get; } = new();

    [Input(Description = "What went wrong.")]
    public Input<string> Message { get; } = new();

    protected override void Execute(ActivityExecutionContext context) =>
        throw new FaultException(context.Get(Message) ?? "Fault", context.Get(Code), context.Get(Category));
}

using CareFlows.Engine.Execution;

namespace CareFlows.Engine.Activities.Primitives;

[Activity("Elsa", "Correlate", Category = "Primitives", Description = "Sets the instance's correlation id, which events use to find it.")]
public sealed class Correlate : CodeActivity
{
    [Input(Description = "The correlation id, for example the encounter or referral id.")]
    public Input<string> CorrelationId { get; } = new();

    protected override void Execute(ActivityExecutionContext context) => context.CorrelationId = context.Get(CorrelationId);
}

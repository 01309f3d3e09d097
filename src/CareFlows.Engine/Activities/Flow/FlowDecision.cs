using CareFlows.Engine.Execution;

namespace CareFlows.Engine.Activities.Flow;

[Activity("Elsa", "FlowDecision", Category = "Flow", DisplayName = "Decision", Description = "Continues through True or False depending on a condition.")]
[Outcomes("True", "False")]
public sealed class FlowDecision : CodeActivity
{
    [Input(Description = "The condition to test.", UIHint = UIHints.Code, DefaultSyntax = "JavaScript", Required = true)]
    public Input<bool> Condition { get; } = new();

    protected override void Execute(ActivityExecutionContext context) =>
        context.Complete(context.Get(Condition) ? "True" : "False");
}

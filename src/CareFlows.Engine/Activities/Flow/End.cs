using CareFlows.Engine.Execution;

namespace CareFlows.Engine.Activities.Flow;

[Activity("Elsa", "End", Category = "Flow", Description = "Completes the flowchart at once; anything still waiting in it is cancelled.")]
[Outcomes]
public sealed class End : CodeActivity
{
    protected override void Execute(ActivityExecutionContext context) => context.EndFlowchart();
}

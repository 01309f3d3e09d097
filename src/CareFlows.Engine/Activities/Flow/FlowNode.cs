using CareFlows.Engine.Execution;

namespace CareFlows.Engine.Activities.Flow;

[Activity("Elsa", "FlowNode", Category = "Flow", DisplayName = "Node", Description = "A connection point that passes straight through; useful to merge or tidy lines.")]
public sealed class FlowNode : CodeActivity
{
    protected override void Execute(ActivityExecutionContext context)
    {
    }
}

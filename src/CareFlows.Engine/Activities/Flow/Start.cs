using CareFlows.Engine.Execution;

namespace CareFlows.Engine.Activities.Flow;

[Activity("Elsa", "Start", Category = "Flow", Description = "Marks where the flowchart starts.")]
public sealed class Start : CodeActivity
{
    protected override void Execute(ActivityExecutionContext context)
    {
    }
}

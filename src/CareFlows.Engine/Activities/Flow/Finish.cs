using CareFlows.Engine.Execution;

namespace CareFlows.Engine.Activities.Flow;

[Activity("Elsa", "Finish", Category = "Flow", Description = "Finishes the whole instance at once, removing every open bookmark.")]
[Outcomes]
public sealed class Finish : CodeActivity
{
    protected override void Execute(ActivityExecutionContext context) => context.FinishWorkflow();
}

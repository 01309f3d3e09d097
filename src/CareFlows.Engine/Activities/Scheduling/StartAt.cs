using System.Text.Json.Nodes;
using CareFlows.Engine.Execution;

namespace CareFlows.Engine.Activities.Scheduling;

[Activity("Elsa", "StartAt", Category = "Timers", DisplayName = "Start At", IsTrigger = true, Description = "Waits until a moment in time; continues at once if it has passed.")]
public sealed class StartAt : CodeActivity
{
    [Input(Description = "When to continue.", UIHint = UIHints.DateTimePicker)]
    public Input<DateTimeOffset> DateTime { get; } = new();

    protected override void Execute(ActivityExecutionContext context)
    {
        var executeAt = context.Get(DateTime);
        if (!context.IsTriggerOfWorkflow && executeAt > context.Now)
        {
            context.CreateTimer(executeAt, new JsonObject { ["executeAt"] = executeAt });
        }
    }
}

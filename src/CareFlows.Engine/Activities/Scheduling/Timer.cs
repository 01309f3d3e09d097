using System.Text.Json.Nodes;
using CareFlows.Engine.Execution;

namespace CareFlows.Engine.Activities.Scheduling;

[Activity("Elsa", "Timer", Category = "Timers", IsTrigger = true, Description = "Waits one interval; as a trigger, starts a new instance every interval.")]
public sealed class Timer : CodeActivity
{
    [Input(Description = "The interval, for example 00:01:00.")]
    public Input<TimeSpan> Interval { get; } = new(TimeSpan.FromMinutes(1));

    protected override void Execute(ActivityExecutionContext context)
    {
        if (context.IsTriggerOfWorkflow)
        {
            return;
        }

        var resumeAt = context.Now + context.Get(Interval);
        context.CreateTimer(resumeAt, new JsonObject { ["resumeAt"] = resumeAt });
    }
}

using System.Text.Json.Nodes;
using CareFlows.Engine.Execution;

namespace CareFlows.Engine.Activities.Scheduling;

[Activity("Elsa", "Delay", Category = "Timers", Description = "Waits for a period of time, then continues.")]
public sealed class Delay : CodeActivity
{
    [Input(Description = "How long to wait, for example 00:05:00 or 2.00:00:00.")]
    public Input<TimeSpan> TimeSpan { get; } = new(System.TimeSpan.FromMinutes(1));

    protected override void Execute(ActivityExecutionContext context)
    {
        var resumeAt = context.Now + context.Get(TimeSpan);
        context.CreateTimer(resumeAt, new JsonObject { ["resumeAt"] = resumeAt });
    }
}

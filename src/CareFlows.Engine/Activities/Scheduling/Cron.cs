using System.Text.Json.Nodes;
using CareFlows.Engine.Execution;

namespace CareFlows.Engine.Activities.Scheduling;

[Activity("Elsa", "Cron", Category = "Timers", IsTrigger = true, Description = "Waits for the next time a cron expression matches; as a trigger, starts a new instance each time.")]
public sealed class Cron : CodeActivity
{
    [Input(Description = "A cron expression with seconds first, for example '0 0 * * * *' for the top of every hour.", Required = true)]
    public Input<string> CronExpression { get; } = new();

    public override void Configure(ActivityConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (CronExpression.TryGetConstant(out var expression) && !string.IsNullOrWhiteSpace(expression))
        {
            try
            {
                CronSchedule.Parse(expression);
            }
            catch (FormatException e)
            {
                configuration.AddError(configuration.PathOf("cronExpression"), e.Message);
            }
        }
    }

    protected override void Execute(ActivityExecutionContext context)
    {
        if (context.IsTriggerOfWorkflow)
        {
            return;
        }

        var expression = context.Get(CronExpression) ?? throw new FaultException("Cron needs a cron expression.", code: null, category: null);
        var next = CronSchedule.NextAfter(expression, context.Now)
            ?? throw new FaultException($"The cron expression '{expression}' never matches again.", code: null, category: null);
        context.CreateTimer(next, new JsonObject { ["executeAt"] = next, ["cronExpression"] = expression });
    }
}

using CareFlows.Engine.Activities.Scheduling;
using CareFlows.Engine.Execution;
using CareFlows.Engine.Expressions;

namespace CareFlows.Engine.Hosting;

/// <summary>When a published version's timer triggers (Timer, Cron, StartAt) fire next.</summary>
public static class TriggerSchedule
{
    private static readonly NoScope Scope = new();

    /// <summary>
    /// The next time <paramref name="trigger"/> fires strictly after <paramref name="after"/>, counting Timer
    /// intervals from <paramref name="publishedAt"/>; null when it never fires again or is not a timer trigger.
    /// </summary>
    public static DateTimeOffset? NextFire(TriggerActivity trigger, DateTimeOffset publishedAt, DateTimeOffset after)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        switch (trigger.Activity)
        {
            case Activities.Scheduling.Timer timer:
                var interval = timer.Interval.Evaluate(Scope);
                if (interval <= TimeSpan.Zero)
                {
                    return null;
                }

                var elapsed = after - publishedAt;
                var periods = elapsed < TimeSpan.Zero ? 0 : (long)Math.Floor(elapsed / interval);
                return publishedAt + (interval * (periods + 1));
            case Cron cron when cron.CronExpression.Evaluate(Scope) is { Length: > 0 } expression:
                return CronSchedule.NextAfter(expression, after);
            case StartAt startAt:
                var at = startAt.DateTime.Evaluate(Scope);
                return at > after ? at : null;
            default:
                return null;
        }
    }

    // Trigger settings are read before any instance exists: they may only use values known in advance.
    private sealed class NoScope : IExpressionScope
    {
        public string InstanceId => "";

        public string? CorrelationId { get; set; }

        public string? InstanceName { get; set; }

        public IEnumerable<string> VariableNames => [];

        public IReadOnlyDictionary<string, object?> Input { get; } = new Dictionary<string, object?>();

        public object? LastResult => null;

        public DateTimeOffset Now => DateTimeOffset.MinValue;

        public bool TryGetVariable(string name, out object? value)
        {
            value = null;
            return false;
        }

        public void SetVariable(string name, object? value) =>
            throw new InvalidOperationException("A trigger's settings cannot set variables.");

        public object? GetOutputFrom(string activityNameOrId, string? outputName) => null;

        public string NewId() => "";
    }
}

using CareFlows.Engine.Execution;

namespace CareFlows.Engine.Activities.Events;

[Activity("Elsa", "PublishEvent", Category = "Events", DisplayName = "Publish Event", Description = "Publishes a named event to instances waiting for it; a local event reaches only this instance.")]
public sealed class PublishEvent : CodeActivity
{
    [Input(Description = "The event's name.", Required = true)]
    public Input<string> EventName { get; } = new();

    [Input(Description = "Only instances with this correlation id receive the event; empty reaches every waiting instance.")]
    public Input<string> CorrelationId { get; } = new();

    [Input(Description = "When set, only this instance receives the event.", UIHint = UIHints.Checkbox)]
    public Input<bool> IsLocalEvent { get; } = new();

    [Input(Description = "The event's payload.", UIHint = UIHints.Json)]
    public Input<object> Payload { get; } = new();

    protected override void Execute(ActivityExecutionContext context)
    {
        var name = context.Get(EventName);
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new FaultException("Publish Event needs an event name.", code: null, category: null);
        }

        var isLocal = context.Get(IsLocalEvent);
        var correlation = context.Get(CorrelationId);
        context.PublishEvent(name, string.IsNullOrEmpty(correlation) && isLocal ? context.CorrelationId : correlation, context.Get(Payload), isLocal);
    }
}

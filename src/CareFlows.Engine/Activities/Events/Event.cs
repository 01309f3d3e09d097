using CareFlows.Engine.Bookmarks;
using CareFlows.Engine.Execution;

namespace CareFlows.Engine.Activities.Events;

[Activity("Elsa", "Event", Category = "Events", IsTrigger = true, Description = "Waits for a named event for this instance's correlation id; as a trigger, starts a new instance when the event arrives.")]
public sealed class Event : CodeActivity
{
    [Input(Description = "The event's name, for example 'PayerDecisionReceived'.", Required = true)]
    public Input<string> EventName { get; } = new();

    [Output(Description = "The event's payload.")]
    public Output<object> Result { get; } = new();

    protected override void Execute(ActivityExecutionContext context)
    {
        if (context.IsTriggerOfWorkflow)
        {
            context.Set(Result, context.ResumeInput);
            return;
        }

        var name = context.Get(EventName);
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new FaultException("Event needs an event name.", code: null, category: null);
        }

        context.CreateEventBookmark(name, context.CorrelationId);
    }

    public override ValueTask ResumeAsync(ActivityExecutionContext context, Bookmark bookmark)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Set(Result, context.ResumeInput);
        context.Complete();
        return ValueTask.CompletedTask;
    }
}

using System.Text.Json.Nodes;
using CareFlows.Server.Runtime;

namespace CareFlows.Server.Features.Feeds;

/// <summary>
/// What a feed's message means to the care pathways: the event to publish (<see cref="PathwayEvents"/>), for which
/// patient or request, with what, under which idempotency key — the same news twice is taken once — and whether it
/// may wait for a listener that is not there yet.
/// </summary>
public sealed record FeedEvent(string EventName, string CorrelationKey, JsonObject Payload, string IdempotencyKey, UnheardEvents Unheard)
{
    /// <summary>Publishes it in one transaction; news already taken under its key is a duplicate, whatever it carries now.</summary>
    public async Task<EventOutcome> PublishAsync(WorkflowRuntime runtime, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        try
        {
            return await runtime.PublishEventAsync(EventName, CorrelationKey, Payload, IdempotencyKey, Unheard, cancellationToken);
        }
        catch (IdempotencyConflictException)
        {
            // A resend with another control id, or a later timestamp, is the same news.
            return new EventOutcome(EventDisposition.Duplicate, [], []);
        }
    }
}

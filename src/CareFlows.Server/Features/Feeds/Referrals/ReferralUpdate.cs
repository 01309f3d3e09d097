using System.Text.Json.Nodes;
using CareFlows.Server.Runtime;
using Mediator;

namespace CareFlows.Server.Features.Feeds.Referrals;

/// <summary>
/// A specialist's or scheduler's news about one referral (ONC 360X status updates, SIU appointments, the consult note).
/// </summary>
/// <param name="ReferralId">The referral it is about: the specialist-referral instance's correlation id.</param>
/// <param name="Status">accepted, declined, scheduled, no-show or consult-note.</param>
/// <param name="MessageId">The sender's id for this update; the same id again is the same news.</param>
/// <param name="At">When it happened at the sender.</param>
/// <param name="Reason">Why, for a decline.</param>
/// <param name="Appointment">For scheduled: when and where, e.g. {"start": "…", "practitioner": "…", "location": "…"}.</param>
/// <param name="ConsultNote">For consult-note: the report, e.g. {"documentId": "…", "author": "…", "summary": "…"}.</param>
public sealed record ReferralUpdateCommand(string ReferralId, string Status, string? MessageId, DateTimeOffset? At, string? Reason, JsonObject? Appointment, JsonObject? ConsultNote)
    : ICommand<FeedResponse>;

public sealed class ReferralUpdateHandler(WorkflowRuntime runtime) : ICommandHandler<ReferralUpdateCommand, FeedResponse>
{
    public async ValueTask<FeedResponse> Handle(ReferralUpdateCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var published = ReferralEvents.Of(command);
        return FeedResponse.Of(published, await published.PublishAsync(runtime, cancellationToken));
    }
}

using System.Text.Json.Nodes;
using CareFlows.Server.Runtime;

namespace CareFlows.Server.Features.Feeds.Referrals;

/// <summary>What a referral update means to the specialist-referral pathway: one event per kind of news, correlated by the referral.</summary>
public static class ReferralEvents
{
    /// <summary>Each status and the event the pathway waits for.</summary>
    public static readonly IReadOnlyDictionary<string, string> EventOf = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["accepted"] = "ReferralAccepted",
        ["declined"] = "ReferralDeclined",
        ["scheduled"] = "AppointmentScheduled",
        ["no-show"] = "AppointmentNoShow",
        ["consult-note"] = "ConsultNoteReceived",
    };

    /// <summary>
    /// The event to publish. News may beat the pathway to its wait point (an acceptance before the sending is
    /// recorded), so it is kept for the referral until it gets there.
    /// </summary>
    public static FeedEvent Of(ReferralUpdateCommand update)
    {
        ArgumentNullException.ThrowIfNull(update);
        var payload = new JsonObject
        {
            ["referralId"] = update.ReferralId,
            ["status"] = update.Status,
            ["at"] = update.At,
            ["reason"] = update.Reason,
            ["appointment"] = update.Appointment?.DeepClone(),
            ["consultNote"] = update.ConsultNote?.DeepClone(),
            ["receivedAt"] = update.At,
            ["messageId"] = update.MessageId,
        };
        var key = FeedKeys.Of("referral", update.ReferralId, update.Status, update.MessageId ?? update.At?.ToString("O"));
        return new FeedEvent(EventOf[update.Status], update.ReferralId, payload, key, UnheardEvents.Buffer);
    }
}

using CareFlows.Server.Runtime;

namespace CareFlows.Server.Features.Feeds;

/// <summary>What a message sent to a JSON feed (FHIR or referral news) did.</summary>
/// <param name="Event">The pathway event it published; null when it changes nothing the pathways follow.</param>
/// <param name="Disposition">Delivered, Buffered (kept for a request not yet waiting), Duplicate (taken before) or Unheard.</param>
/// <param name="Started">Instances it started.</param>
/// <param name="Resumed">Running instances it reached.</param>
public sealed record FeedResponse(string? Event, string? Disposition, IReadOnlyList<string> Started, IReadOnlyList<string> Resumed)
{
    public static FeedResponse Of(FeedEvent? published, EventOutcome? outcome) =>
        new(published?.EventName, outcome?.Disposition.ToString(), outcome?.Started ?? [], outcome?.Resumed ?? []);
}

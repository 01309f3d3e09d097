using CareFlows.Server.Runtime;

namespace CareFlows.Server.Features.Events.PublishEvent;

/// <summary>What the event did.</summary>
/// <param name="Disposition">Delivered (applied now), Buffered (kept for an instance that is not there yet) or Duplicate (key already seen; not applied).</param>
/// <param name="Resumed">Instances whose wait point the event resumed.</param>
/// <param name="Started">Instances the event started through an Event trigger.</param>
public sealed record PublishEventResponse(EventDisposition Disposition, IReadOnlyList<string> Resumed, IReadOnlyList<string> Started);

public static class PublishEventMapping
{
    public static PublishEventResponse ToResponse(this EventOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return new PublishEventResponse(outcome.Disposition, outcome.Resumed, outcome.Started);
    }
}

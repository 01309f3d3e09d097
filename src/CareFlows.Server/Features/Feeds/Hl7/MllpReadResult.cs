namespace CareFlows.Server.Features.Feeds.Hl7;

/// <summary>
/// One read from an MLLP stream. For <see cref="MllpReadStatus.Truncated"/> and <see cref="MllpReadStatus.TooLarge"/>
/// the payload holds what arrived (at most the frame limit), so the refusal can still be addressed from its MSH.
/// </summary>
public sealed record MllpReadResult(MllpReadStatus Status, byte[] Payload)
{
    public static MllpReadResult EndOfStream { get; } = new(MllpReadStatus.EndOfStream, []);
}

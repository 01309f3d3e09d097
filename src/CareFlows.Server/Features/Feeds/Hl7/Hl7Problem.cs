namespace CareFlows.Server.Features.Feeds.Hl7;

/// <summary>
/// One thing wrong with a message: where (null when it concerns the whole message), which table 0357 code an ACK
/// reports for it, and a sentence that names the field so that an analyst can fix the sender's mapping.
/// </summary>
public sealed record Hl7Problem(Hl7ErrorCode Code, Hl7Location? Location, string Message)
{
    /// <summary>
    /// Whether the message is refused for what it is rather than for what it says (unsupported type, event, processing
    /// id or version): HL7's original acknowledgement mode answers those AR, and errors in the content AE.
    /// </summary>
    public bool RejectsMessage => Code is Hl7ErrorCode.UnsupportedMessageType or Hl7ErrorCode.UnsupportedEventCode
        or Hl7ErrorCode.UnsupportedProcessingId or Hl7ErrorCode.UnsupportedVersionId;

    public override string ToString() => Location is null ? Message : $"{Location}: {Message}";
}

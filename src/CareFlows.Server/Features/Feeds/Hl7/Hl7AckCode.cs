namespace CareFlows.Server.Features.Feeds.Hl7;

/// <summary>MSA-1 in HL7's original acknowledgement mode (table 0008).</summary>
public enum Hl7AckCode
{
    /// <summary>AA: the message was accepted and will be acted on.</summary>
    Accept,

    /// <summary>AE: the message's content is in error; the sender should correct it.</summary>
    Error,

    /// <summary>AR: the message was refused whole (not HL7, unsupported type, event or version, or a broken frame).</summary>
    Reject,
}

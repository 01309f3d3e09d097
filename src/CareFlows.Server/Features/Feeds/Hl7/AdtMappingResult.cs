namespace CareFlows.Server.Features.Feeds.Hl7;

/// <summary>Either the ADT message read, or every problem found, each naming its field, so one ACK can list them all.</summary>
public sealed record AdtMappingResult(AdtMessage? Message, IReadOnlyList<Hl7Problem> Problems)
{
    public bool Succeeded => Message is not null;

    /// <summary>AA when read; AR when the message's type, event or version is not one CareFlows reads; AE for errors in its content.</summary>
    public Hl7AckCode AcknowledgementCode =>
        Succeeded ? Hl7AckCode.Accept : Problems.Any(p => p.RejectsMessage) ? Hl7AckCode.Reject : Hl7AckCode.Error;
}

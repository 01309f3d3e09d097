using CareFlows.Server.Features.Feeds.Hl7;
using CareFlows.Server.Runtime;

namespace CareFlows.Server.Features.Feeds.Adt;

/// <summary>
/// What became of one ADT message: the acknowledgement to send back (AA, AE or AR with an ERR per problem), the
/// problems that refused it, and, for a message taken, the event it published and what that did.
/// </summary>
/// <param name="Ack">The HL7 ACK, as MLLP sends it and HTTP shows it.</param>
/// <param name="Code">AA when taken (a duplicate too), AE for content at fault, AR for a message refused for what it is.</param>
/// <param name="Problems">Why it was refused, each naming the field at fault.</param>
/// <param name="EventName">The pathway event it published, if any.</param>
/// <param name="Outcome">What the event did: instances started, resumed, or nothing heard it.</param>
public sealed record AdtReceipt(string Ack, Hl7AckCode Code, IReadOnlyList<Hl7Problem> Problems, string? EventName, EventOutcome? Outcome)
{
    public bool Accepted => Code == Hl7AckCode.Accept;
}

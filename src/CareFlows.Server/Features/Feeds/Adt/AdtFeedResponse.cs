using CareFlows.Server.Features.Feeds.Hl7;

namespace CareFlows.Server.Features.Feeds.Adt;

/// <summary>What an ADT message taken over HTTP did.</summary>
/// <param name="Acknowledgement">AA.</param>
/// <param name="Ack">The HL7 ACK, as MLLP would have sent it.</param>
/// <param name="Event">The pathway event it published; null when nothing the pathways follow changed.</param>
/// <param name="Disposition">Delivered, Duplicate (taken before), Unheard (no follow-up running for the patient) or Buffered.</param>
/// <param name="Started">Instances it started.</param>
/// <param name="Resumed">Running instances it reached.</param>
public sealed record AdtFeedResponse(string Acknowledgement, string Ack, string? Event, string? Disposition, IReadOnlyList<string> Started, IReadOnlyList<string> Resumed)
{
    public static AdtFeedResponse Of(AdtReceipt receipt)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        return new AdtFeedResponse(Hl7AckBuilder.CodeText(receipt.Code), receipt.Ack, receipt.EventName, receipt.Outcome?.Disposition.ToString(),
            receipt.Outcome?.Started ?? [], receipt.Outcome?.Resumed ?? []);
    }
}

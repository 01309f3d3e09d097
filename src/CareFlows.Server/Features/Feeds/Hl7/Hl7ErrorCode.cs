namespace CareFlows.Server.Features.Feeds.Hl7;

/// <summary>
/// HL7 table 0357 (message error condition codes), the codes an ACK's ERR-3 carries so that the sender's interface
/// engine can sort our refusals without reading their text.
/// </summary>
public enum Hl7ErrorCode
{
    SegmentSequenceError = 100,
    RequiredFieldMissing = 101,
    DataTypeError = 102,
    TableValueNotFound = 103,
    UnsupportedMessageType = 200,
    UnsupportedEventCode = 201,
    UnsupportedProcessingId = 202,
    UnsupportedVersionId = 203,
    ApplicationInternalError = 207,
}

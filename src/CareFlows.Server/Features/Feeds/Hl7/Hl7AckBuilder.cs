using System.Globalization;

namespace CareFlows.Server.Features.Feeds.Hl7;

/// <summary>
/// Writes the acknowledgement (original mode) a sender waits for before it sends its next message: an MSH with
/// sender and receiver swapped, MSA with the code and the answered control id, and for AE/AR one ERR per problem that
/// points at the field at fault with its table 0357 code. The ERR written is the 2.5 one (ERR-2 location, ERR-3 code,
/// ERR-4 severity, ERR-8 text); answers to 2.3 and 2.4 messages also fill ERR-1, the only field those versions know.
/// </summary>
public sealed class Hl7AckBuilder(TimeProvider clock)
{
    public string Build(Hl7Message inbound, Hl7AckCode code, string? text = null, IEnumerable<Hl7Problem>? problems = null) =>
        Build(Hl7AckHeader.From(inbound), code, text, problems);

    /// <summary>The answer to a message known only as text, possibly broken (see <see cref="Hl7AckHeader.FromRaw"/>).</summary>
    public string Build(string rawInbound, Hl7AckCode code, string? text = null, IEnumerable<Hl7Problem>? problems = null) =>
        Build(Hl7AckHeader.FromRaw(rawInbound), code, text, problems);

    public string Build(Hl7AckHeader inbound, Hl7AckCode code, string? text = null, IEnumerable<Hl7Problem>? problems = null)
    {
        ArgumentNullException.ThrowIfNull(inbound);
        var d = inbound.Delimiters;
        var f = d.Field.ToString();
        var messageType = inbound.TriggerEvent.Length == 0 ? "ACK" : string.Join(d.Component, "ACK", inbound.TriggerEvent, "ACK");
        var segments = new List<string>
        {
            string.Join(f, "MSH", d.EncodingCharacters, inbound.ReceivingApplication, inbound.ReceivingFacility, inbound.SendingApplication,
                inbound.SendingFacility, clock.GetUtcNow().ToString("yyyyMMddHHmmss'+0000'", CultureInfo.InvariantCulture), string.Empty,
                messageType, NewControlId(), inbound.ProcessingId, inbound.Version),
            string.Join(f, "MSA", CodeText(code), inbound.ControlId, Hl7Escaping.Encode(text ?? string.Empty, d)).TrimEnd(d.Field),
        };
        if (code != Hl7AckCode.Accept)
        {
            segments.AddRange((problems ?? []).Select(p => ErrorSegment(p, inbound)));
        }

        return string.Join('\r', segments) + "\r";
    }

    private static string ErrorSegment(Hl7Problem problem, Hl7AckHeader inbound)
    {
        var d = inbound.Delimiters;
        var location = problem.Location?.ToErrorLocation(d) ?? string.Empty;
        var code = (int)problem.Code;
        var codeText = code.ToString(CultureInfo.InvariantCulture);
        var description = Description(problem.Code);
        var legacy = IsBefore25(inbound.Version)
            ? string.Join(d.Component, location, string.Join(d.Subcomponent, codeText, description, "HL70357"))
            : string.Empty;
        return string.Join(d.Field, "ERR", legacy, location, string.Join(d.Component, codeText, description, "HL70357"), "E",
            string.Empty, string.Empty, string.Empty, Hl7Escaping.Encode(problem.Message, d));
    }

    private static bool IsBefore25(string version) => version.StartsWith("2.3", StringComparison.Ordinal) || version.StartsWith("2.4", StringComparison.Ordinal);

    /// <summary>20 characters, the length MSH-10 has up to 2.6, unique enough to tell one ACK from another.</summary>
    private static string NewControlId() => Guid.NewGuid().ToString("N")[..20].ToUpperInvariant();

    /// <summary>The code as MSA-1 writes it: AA, AE or AR.</summary>
    public static string CodeText(Hl7AckCode code) => code switch
    {
        Hl7AckCode.Accept => "AA",
        Hl7AckCode.Error => "AE",
        _ => "AR",
    };

    private static string Description(Hl7ErrorCode code) => code switch
    {
        Hl7ErrorCode.SegmentSequenceError => "Segment sequence error",
        Hl7ErrorCode.RequiredFieldMissing => "Required field missing",
        Hl7ErrorCode.DataTypeError => "Data type error",
        Hl7ErrorCode.TableValueNotFound => "Table value not found",
        Hl7ErrorCode.UnsupportedMessageType => "Unsupported message type",
        Hl7ErrorCode.UnsupportedEventCode => "Unsupported event code",
        Hl7ErrorCode.UnsupportedProcessingId => "Unsupported processing id",
        Hl7ErrorCode.UnsupportedVersionId => "Unsupported version id",
        _ => "Application internal error",
    };
}

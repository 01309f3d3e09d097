namespace CareFlows.Server.Features.Feeds.Hl7;

/// <summary>
/// What an ACK takes from the message it answers: the sender and receiver to swap, the control id to echo, version,
/// processing id, trigger event and separators. The HD fields are kept as sent (still encoded with
/// <see cref="Delimiters"/>), since the ACK writes them back with the same separators.
/// </summary>
public sealed record Hl7AckHeader
{
    public Hl7Delimiters Delimiters { get; init; } = Hl7Delimiters.Default;

    public string SendingApplication { get; init; } = string.Empty;

    public string SendingFacility { get; init; } = string.Empty;

    public string ReceivingApplication { get; init; } = string.Empty;

    public string ReceivingFacility { get; init; } = string.Empty;

    /// <summary>MSH-10 of the message answered; empty when it could not be read.</summary>
    public string ControlId { get; init; } = string.Empty;

    /// <summary>MSH-11.1; P (production) when unknown.</summary>
    public string ProcessingId { get; init; } = "P";

    /// <summary>MSH-12.1; 2.5.1 when unknown, the version whose ERR segment the ACK always writes.</summary>
    public string Version { get; init; } = "2.5.1";

    /// <summary>MSH-9.2, echoed in the ACK's MSH-9 as ACK^A03^ACK; empty when unknown.</summary>
    public string TriggerEvent { get; init; } = string.Empty;

    public static Hl7AckHeader From(Hl7Message message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var header = message.Header;
        return new Hl7AckHeader
        {
            Delimiters = message.Delimiters,
            SendingApplication = header.Field(3).Raw,
            SendingFacility = header.Field(4).Raw,
            ReceivingApplication = header.Field(5).Raw,
            ReceivingFacility = header.Field(6).Raw,
            ControlId = header.Field(10).Raw,
            TriggerEvent = header.Field(9).Component(2).Raw,
            ProcessingId = NonEmpty(header.Field(11).Component(1).Raw, "P"),
            Version = NonEmpty(header.Field(12).Component(1).Raw, "2.5.1"),
        };
    }

    /// <summary>
    /// As much as can be read from a message that did not parse: its MSH when that line at least declares valid
    /// separators, else nothing. Never throws, since it serves the answer to a message that is already broken; MSH
    /// fields holding control characters are left out rather than echoed.
    /// </summary>
    public static Hl7AckHeader FromRaw(string? text)
    {
        var header = (text ?? string.Empty).TrimStart('\uFEFF', '\r', '\n');
        var end = header.IndexOfAny(['\r', '\n']);
        header = end < 0 ? header : header[..end];
        if (!header.StartsWith("MSH", StringComparison.Ordinal))
        {
            return new Hl7AckHeader();
        }

        try
        {
            var delimiters = Hl7Delimiters.FromHeader(header);
            var parts = header.Split(delimiters.Field).Select(p => p.Any(char.IsControl) ? string.Empty : p).ToArray();
            return From(new Hl7Message([new Hl7Segment(parts, delimiters)], delimiters));
        }
        catch (Hl7ParseException)
        {
            return new Hl7AckHeader();
        }
    }

    private static string NonEmpty(string value, string fallback) => value.Length == 0 ? fallback : value;
}

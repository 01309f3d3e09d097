using System.Globalization;

namespace CareFlows.Server.Features.Feeds.Hl7;

/// <summary>
/// Splits a message into segments and fields with the separators its MSH declares. Structure only: which fields a
/// message type requires is for its reader to say (ADT: <c>AdtMessage.From</c>). Every refusal is an
/// <see cref="Hl7ParseException"/> naming where, and the work is linear in the message's length.
/// </summary>
internal static class Hl7Parser
{
    private static readonly char[] SegmentEnds = ['\r', '\n'];

    public static Hl7Message Parse(string text, Hl7ParseOptions options)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > options.MaxLength)
        {
            throw Hl7ParseException.At(null, $"The message is {text.Length} characters long; at most {options.MaxLength} are read.", Hl7ErrorCode.ApplicationInternalError);
        }

        // A byte-order mark or blank lines ahead of MSH come from files and some senders' framing; they carry nothing.
        var body = text.AsSpan().TrimStart('\uFEFF').TrimStart(SegmentEnds);
        if (body.IsWhiteSpace())
        {
            throw Hl7ParseException.At(null, "The message is empty.");
        }

        if (!body.StartsWith("MSH", StringComparison.Ordinal))
        {
            throw Hl7ParseException.At(new Hl7Location("MSH"), $"A message starts with an MSH segment; this one starts with {Shown(body[..Math.Min(3, body.Length)])}.");
        }

        var headerEnd = body.IndexOfAny(SegmentEnds);
        var delimiters = Hl7Delimiters.FromHeader(body[..(headerEnd < 0 ? body.Length : headerEnd)].ToString());

        var segments = new List<Hl7Segment>();
        var sequences = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var range in body.SplitAny(SegmentEnds))
        {
            var line = body[range];
            if (line.IsEmpty)
            {
                continue;
            }

            segments.Add(ReadSegment(line, segments.Count + 1, sequences, delimiters));
        }

        return new Hl7Message(segments, delimiters);
    }

    private static Hl7Segment ReadSegment(ReadOnlySpan<char> line, int number, Dictionary<string, int> sequences, Hl7Delimiters delimiters)
    {
        var idEnd = line.IndexOf(delimiters.Field);
        var id = line[..(idEnd < 0 ? line.Length : idEnd)];
        if (id.Length != 3 || !IsSegmentId(id))
        {
            throw Hl7ParseException.At(null, $"Segment {number} has the id {Shown(id)}; a segment id is three upper-case letters or digits.");
        }

        var idText = id.ToString();
        var sequence = sequences[idText] = sequences.GetValueOrDefault(idText) + 1;
        if (idText == "MSH" && number > 1)
        {
            throw Hl7ParseException.At(new Hl7Location("MSH", sequence), $"Segment {number} is a second MSH; one message is read at a time, not batches.");
        }

        var bad = IndexOfControl(line);
        if (bad >= 0)
        {
            var field = line[..bad].Count(delimiters.Field) + (idText == "MSH" ? 1 : 0);
            throw Hl7ParseException.At(
                new Hl7Location(idText, sequence, field),
                $"{idText}-{field.ToString(CultureInfo.InvariantCulture)} holds the control character U+{(int)line[bad]:X4}; HL7 v2 is text.",
                Hl7ErrorCode.DataTypeError);
        }

        return new Hl7Segment(line.ToString().Split(delimiters.Field), delimiters);
    }

    /// <summary>
    /// The first character no HL7 text holds: a control character other than tab (which free text may hold), or the
    /// replacement character a decoder leaves where the bytes were not text.
    /// </summary>
    private static int IndexOfControl(ReadOnlySpan<char> line)
    {
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] is (< ' ' and not '\t') or '\x7f' or '\uFFFD')
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsSegmentId(ReadOnlySpan<char> id)
    {
        foreach (var c in id)
        {
            if (!char.IsAsciiLetterUpper(c) && !char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Text quoted in an error message, control characters made visible and length capped.</summary>
    private static string Shown(ReadOnlySpan<char> text)
    {
        var shown = new string([.. text[..Math.Min(text.Length, 10)]]);
        return $"'{string.Concat(shown.Select(c => char.IsControl(c) ? '?' : c))}'";
    }
}

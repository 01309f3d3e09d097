using System.Globalization;
using System.Text;
using System.Text.Unicode;

namespace CareFlows.Server.Features.Feeds.Hl7;

/// <summary>
/// HL7 v2 escape sequences: a separator inside a value travels as <c>\F\</c>, <c>\S\</c>, <c>\T\</c>, <c>\R\</c>,
/// <c>\E\</c> (and <c>\P\</c> for the 2.7 truncation character), a line break as <c>\.br\</c>, raw bytes as
/// <c>\Xhh…\</c>. Sequences this code does not know (highlighting, other formatting) are kept as written rather than
/// dropped, so no text a clinician typed is lost.
/// </summary>
public static class Hl7Escaping
{
    /// <summary>The text a value stands for. Values are split on separators first and decoded last, so an escaped separator never splits.</summary>
    public static string Decode(string raw, Hl7Delimiters delimiters)
    {
        ArgumentNullException.ThrowIfNull(raw);
        ArgumentNullException.ThrowIfNull(delimiters);
        var escape = delimiters.Escape;
        if (!raw.Contains(escape, StringComparison.Ordinal))
        {
            return raw;
        }

        var text = new StringBuilder(raw.Length);
        var i = 0;
        while (i < raw.Length)
        {
            var open = raw.IndexOf(escape, i);
            var close = open < 0 ? -1 : raw.IndexOf(escape, open + 1);
            if (close < 0)
            {
                // No (complete) sequence left: an unpaired escape character is kept as it is.
                text.Append(raw, i, raw.Length - i);
                break;
            }

            text.Append(raw, i, open - i);
            var sequence = raw.AsSpan(open + 1, close - open - 1);
            if (Translate(sequence, delimiters) is { } decoded)
            {
                text.Append(decoded);
            }
            else
            {
                text.Append(raw, open, close - open + 1);
            }

            i = close + 1;
        }

        return text.ToString();
    }

    /// <summary>Text made safe to place in one value: separators and the escape character escaped, line breaks as <c>\.br\</c>.</summary>
    public static string Encode(string text, Hl7Delimiters delimiters)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(delimiters);
        var e = delimiters.Escape;
        var encoded = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var code = c == delimiters.Field ? "F"
                : c == delimiters.Component ? "S"
                : c == delimiters.Subcomponent ? "T"
                : c == delimiters.Repetition ? "R"
                : c == e ? "E"
                : c == delimiters.Truncation ? "P"
                : c is '\r' or '\n' ? ".br"
                : char.IsControl(c) && c != '\t' ? string.Create(CultureInfo.InvariantCulture, $"X{(int)c:X2}")
                : null;
            if (code is null)
            {
                encoded.Append(c);
                continue;
            }

            encoded.Append(e).Append(code).Append(e);
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                i++;
            }
        }

        return encoded.ToString();
    }

    private static string? Translate(ReadOnlySpan<char> sequence, Hl7Delimiters delimiters) => sequence switch
    {
        "F" => delimiters.Field.ToString(),
        "S" => delimiters.Component.ToString(),
        "T" => delimiters.Subcomponent.ToString(),
        "R" => delimiters.Repetition.ToString(),
        "E" => delimiters.Escape.ToString(),
        "P" => delimiters.Truncation?.ToString(),
        ".br" => "\n",
        ['X', .. var hex] => FromHex(hex),
        _ => null,
    };

    /// <summary>Hex data as UTF-8 when it is valid UTF-8, else one character per byte (ISO 8859-1); not hex at all: unknown.</summary>
    private static string? FromHex(ReadOnlySpan<char> hex)
    {
        if (hex.IsEmpty || hex.Length % 2 != 0)
        {
            return null;
        }

        var bytes = new byte[hex.Length / 2];
        for (var i = 0; i < bytes.Length; i++)
        {
            if (!byte.TryParse(hex.Slice(i * 2, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out bytes[i]))
            {
                return null;
            }
        }

        return Utf8.IsValid(bytes) ? Encoding.UTF8.GetString(bytes) : Encoding.Latin1.GetString(bytes);
    }
}

namespace CareFlows.Server.Features.Feeds.Hl7;

/// <summary>
/// The separators a message declares for itself in MSH-1 and MSH-2. Senders may choose their own, so nothing reads a
/// message assuming the usual <c>|^~\&amp;</c>.
/// </summary>
public sealed record Hl7Delimiters(char Field, char Component, char Repetition, char Escape, char Subcomponent, char? Truncation = null)
{
    public static Hl7Delimiters Default { get; } = new('|', '^', '~', '\\', '&');

    /// <summary>MSH-2 as written: component, repetition, escape and subcomponent characters, then the truncation character (2.7+) if any.</summary>
    public string EncodingCharacters => Truncation is { } truncation
        ? string.Concat(Component, Repetition, Escape, Subcomponent, truncation)
        : string.Concat(Component, Repetition, Escape, Subcomponent);

    /// <summary>Reads MSH-1 and MSH-2 from the header segment's text, which starts with <c>MSH</c>.</summary>
    internal static Hl7Delimiters FromHeader(string header)
    {
        if (header.Length < 4)
        {
            throw Hl7ParseException.At(At(1), "MSH ends before MSH-1, the field separator.");
        }

        var field = header[3];
        if (!IsDelimiter(field))
        {
            throw Hl7ParseException.At(At(1), $"MSH-1 (field separator) is {Describe(field)}; a separator is a printable character that is not a letter, digit or space.");
        }

        var end = header.IndexOf(field, 4);
        var encoding = end < 0 ? header[4..] : header[4..end];
        if (encoding.Length is < 4 or > 5)
        {
            throw Hl7ParseException.At(At(2), $"MSH-2 (encoding characters) holds {encoding.Length} characters; it must hold the component, repetition, escape and subcomponent characters, and optionally the truncation character.");
        }

        var seen = new HashSet<char> { field };
        foreach (var c in encoding)
        {
            if (!IsDelimiter(c))
            {
                throw Hl7ParseException.At(At(2), $"MSH-2 (encoding characters) holds {Describe(c)}; a separator is a printable character that is not a letter, digit or space.");
            }

            if (!seen.Add(c))
            {
                throw Hl7ParseException.At(At(2), $"MSH-2 (encoding characters) uses '{c}' twice; each separator must be different from the others and from MSH-1.");
            }
        }

        return new Hl7Delimiters(field, encoding[0], encoding[1], encoding[2], encoding[3], encoding.Length == 5 ? encoding[4] : null);
    }

    private static Hl7Location At(int field) => new("MSH", Field: field);

    private static bool IsDelimiter(char c) => c is > ' ' and < '\x7f' && !char.IsAsciiLetterOrDigit(c);

    private static string Describe(char c) => c is >= ' ' and < '\x7f' ? $"'{c}'" : $"U+{(int)c:X4}";
}

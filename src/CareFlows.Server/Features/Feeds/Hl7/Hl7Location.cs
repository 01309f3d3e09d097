using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace CareFlows.Server.Features.Feeds.Hl7;

/// <summary>
/// A position in a message written the way analysts say it, 1-based throughout: <c>PV1-19</c>, <c>PID-5.1</c>,
/// <c>PID-3(2).5</c> (second repetition), <c>OBX(2)-5</c> (second OBX). The same value names a field in a problem
/// and becomes an ACK's ERR-2 error location.
/// </summary>
public sealed partial record Hl7Location(
    string Segment,
    int SegmentSequence = 1,
    int? Field = null,
    int Repetition = 1,
    int? Component = null,
    int? Subcomponent = null)
{
    /// <summary>Reads <c>SEG[(n)][-field[(rep)][.component[.subcomponent]]]</c>; a malformed path is a programming error.</summary>
    public static Hl7Location Parse(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var match = PathPattern().Match(path);
        if (!match.Success)
        {
            throw new FormatException($"'{path}' is not an HL7 position such as PV1-19, PID-5.1 or PID-3(2).1.");
        }

        return new Hl7Location(
            match.Groups["segment"].Value,
            Number(match.Groups["sequence"]) ?? 1,
            Number(match.Groups["field"]),
            Number(match.Groups["repetition"]) ?? 1,
            Number(match.Groups["component"]),
            Number(match.Groups["subcomponent"]));
    }

    /// <summary>
    /// The ERL data type of ERR-2: segment ^ sequence ^ field ^ repetition ^ component ^ subcomponent, as far as the
    /// position is known (<c>PV1^1^19</c>).
    /// </summary>
    public string ToErrorLocation(Hl7Delimiters delimiters)
    {
        ArgumentNullException.ThrowIfNull(delimiters);
        var parts = new List<string> { Segment, Invariant(SegmentSequence) };
        if (Field is { } field)
        {
            parts.Add(Invariant(field));
            if (Component is { } component)
            {
                parts.Add(Invariant(Repetition));
                parts.Add(Invariant(component));
                if (Subcomponent is { } subcomponent)
                {
                    parts.Add(Invariant(subcomponent));
                }
            }
        }

        return string.Join(delimiters.Component, parts);
    }

    public override string ToString()
    {
        var text = new StringBuilder(Segment);
        if (SegmentSequence != 1)
        {
            text.Append(CultureInfo.InvariantCulture, $"({SegmentSequence})");
        }

        if (Field is { } field)
        {
            text.Append(CultureInfo.InvariantCulture, $"-{field}");
            if (Repetition != 1)
            {
                text.Append(CultureInfo.InvariantCulture, $"({Repetition})");
            }

            if (Component is { } component)
            {
                text.Append(CultureInfo.InvariantCulture, $".{component}");
                if (Subcomponent is { } subcomponent)
                {
                    text.Append(CultureInfo.InvariantCulture, $".{subcomponent}");
                }
            }
        }

        return text.ToString();
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static int? Number(Group group) =>
        group.Success ? int.Parse(group.Value, CultureInfo.InvariantCulture) : null;

    [GeneratedRegex(@"^(?<segment>[A-Z0-9]{3})(?:\((?<sequence>[1-9][0-9]{0,5})\))?(?:-(?<field>[1-9][0-9]{0,3})(?:\((?<repetition>[1-9][0-9]{0,3})\))?(?:\.(?<component>[1-9][0-9]{0,2})(?:\.(?<subcomponent>[1-9][0-9]{0,2}))?)?)?$")]
    private static partial Regex PathPattern();
}

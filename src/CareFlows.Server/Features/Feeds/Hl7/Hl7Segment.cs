namespace CareFlows.Server.Features.Feeds.Hl7;

/// <summary>
/// One segment, its fields numbered as in the HL7 tables. In MSH the separator itself is MSH-1 and the encoding
/// characters MSH-2, so MSH-3 is the first field after them; every other segment's first field after its id is 1.
/// </summary>
public sealed class Hl7Segment
{
    private readonly string[] parts;
    private readonly Hl7Delimiters delimiters;

    /// <param name="parts">The segment split on the field separator: the id, then its fields (for MSH, MSH-2 onwards).</param>
    /// <param name="delimiters">The message's separators, for reading the fields.</param>
    internal Hl7Segment(string[] parts, Hl7Delimiters delimiters)
    {
        this.parts = parts;
        this.delimiters = delimiters;
    }

    public string Id => parts[0];

    private bool IsHeader => Id == "MSH";

    /// <summary>The last field position present (trailing empty fields included).</summary>
    public int FieldCount => IsHeader ? parts.Length : parts.Length - 1;

    /// <summary>Field <paramref name="position"/> (1-based, as in "PV1-19"); empty when the segment stops before it.</summary>
    public Hl7Field Field(int position)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(position, 1);
        if (IsHeader)
        {
            return position switch
            {
                1 => new Hl7Field(delimiters.Field.ToString(), null),
                2 => new Hl7Field(parts[1], null),
                _ => FieldAt(position - 1),
            };
        }

        return FieldAt(position);
    }

    public override string ToString() => string.Join(delimiters.Field, parts);

    private Hl7Field FieldAt(int index) => new(index < parts.Length ? parts[index] : string.Empty, delimiters);
}

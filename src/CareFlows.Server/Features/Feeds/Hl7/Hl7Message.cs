namespace CareFlows.Server.Features.Feeds.Hl7;

/// <summary>
/// A parsed HL7 v2 message: its segments in order and the separators it declared. Values are read by position the
/// way analysts speak (<c>Value("PV1-19")</c>, <c>this["PID"]?.Field(3)</c>); they stay encoded until read, so
/// parsing costs one pass however many fields a consumer never looks at.
/// </summary>
public sealed class Hl7Message
{
    internal Hl7Message(IReadOnlyList<Hl7Segment> segments, Hl7Delimiters delimiters)
    {
        Segments = segments;
        Delimiters = delimiters;
    }

    public Hl7Delimiters Delimiters { get; }

    public IReadOnlyList<Hl7Segment> Segments { get; }

    /// <summary>The MSH segment, always first.</summary>
    public Hl7Segment Header => Segments[0];

    /// <summary>The first segment with this id, or null.</summary>
    public Hl7Segment? this[string id] => this[id, 1];

    /// <summary>The <paramref name="sequence"/>-th segment with this id (1-based), or null.</summary>
    public Hl7Segment? this[string id, int sequence] => SegmentsWithId(id).Skip(sequence - 1).FirstOrDefault();

    /// <summary>Reads, for example, a message from a string received from MLLP. Throws <see cref="Hl7ParseException"/> naming the fault.</summary>
    public static Hl7Message Parse(string text, Hl7ParseOptions? options = null) => Hl7Parser.Parse(text, options ?? Hl7ParseOptions.Default);

    public IEnumerable<Hl7Segment> SegmentsWithId(string id) => Segments.Where(s => s.Id == id);

    /// <summary>
    /// The decoded text at a position such as <c>PV1-19</c>, <c>PID-5.2</c> or <c>PID-3(2).1</c>; null when it is empty
    /// or absent. Without a component the first component is read, as HL7 tools do: <c>PID-5</c> is the family name.
    /// </summary>
    public string? Value(string path) => Value(Hl7Location.Parse(path));

    /// <inheritdoc cref="Value(string)"/>
    public string? Value(Hl7Location location)
    {
        ArgumentNullException.ThrowIfNull(location);
        if (location.Field is not { } field)
        {
            throw new ArgumentException($"'{location}' names a segment, not a value; add a field such as {location.Segment}-1.", nameof(location));
        }

        var value = this[location.Segment, location.SegmentSequence]?.Field(field)
            .Repetition(location.Repetition)
            .Component(location.Component ?? 1)
            .Subcomponent(location.Subcomponent ?? 1);
        return string.IsNullOrEmpty(value) ? null : value;
    }

    /// <summary>The message with segments ended by carriage returns, as HL7 sends them.</summary>
    public override string ToString() => string.Join('\r', Segments) + "\r";
}

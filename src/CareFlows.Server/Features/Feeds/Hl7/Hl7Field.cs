namespace CareFlows.Server.Features.Feeds.Hl7;

/// <summary>
/// One field of a segment, with all its repetitions. Reading a field that is not there gives an empty field rather
/// than null, so that a chain such as <c>Field(3).Repetition(2).Component(5).Value</c> needs no checks on the way.
/// </summary>
public sealed class Hl7Field
{
    private readonly Hl7Delimiters? delimiters;

    /// <param name="raw">The field as it travels.</param>
    /// <param name="delimiters">Null for MSH-1 and MSH-2, whose characters are the separators themselves and are never split or decoded.</param>
    internal Hl7Field(string raw, Hl7Delimiters? delimiters)
    {
        Raw = raw;
        this.delimiters = delimiters;
    }

    /// <summary>The field as it travels, separators and escape sequences included.</summary>
    public string Raw { get; }

    public bool IsEmpty => Raw.Length == 0;

    public int RepetitionCount => Hl7Pieces.Count(Raw, delimiters?.Repetition);

    public IEnumerable<Hl7Repetition> Repetitions => Enumerable.Range(1, RepetitionCount).Select(Repetition);

    /// <summary>The first repetition's first component, decoded; empty when absent.</summary>
    public string Value => Repetition(1).Value;

    /// <summary>Repetition <paramref name="position"/> (1-based); empty when absent.</summary>
    public Hl7Repetition Repetition(int position) => new(Hl7Pieces.Piece(Raw, delimiters?.Repetition, position), delimiters);

    /// <summary>Component <paramref name="position"/> of the first repetition.</summary>
    public Hl7Component Component(int position) => Repetition(1).Component(position);
}

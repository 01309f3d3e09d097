namespace CareFlows.Server.Features.Feeds.Hl7;

/// <summary>
/// One field of a segment, with all its repetitions. Reading a field that is not there gives an empty field rather
/// than null, so that a chain such as <c>Field(3).Repetition(2).Component(5).Value</c> needs no checks on the way.
/// </summary>
public sealed class Hl7Field : Hl7Element
{
    internal Hl7Field(string raw, Hl7Delimiters? delimiters)
        : base(raw, delimiters)
    {
    }

    public int RepetitionCount => Hl7Pieces.Count(Raw, Delimiters?.Repetition);

    public IEnumerable<Hl7Repetition> Repetitions => Enumerable.Range(1, RepetitionCount).Select(Repetition);

    public override string Value => Repetition(1).Value;

    /// <summary>Repetition <paramref name="position"/> (1-based); empty when absent.</summary>
    public Hl7Repetition Repetition(int position) => new(Hl7Pieces.Piece(Raw, Delimiters?.Repetition, position), Delimiters);

    /// <summary>Component <paramref name="position"/> of the first repetition.</summary>
    public Hl7Component Component(int position) => Repetition(1).Component(position);
}

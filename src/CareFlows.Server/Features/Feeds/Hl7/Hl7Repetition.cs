namespace CareFlows.Server.Features.Feeds.Hl7;

/// <summary>One occurrence of a repeating field (e.g. one identifier of PID-3), made of components.</summary>
public sealed class Hl7Repetition : Hl7Element
{
    internal Hl7Repetition(string raw, Hl7Delimiters? delimiters)
        : base(raw, delimiters)
    {
    }

    public override string Value => Component(1).Value;

    /// <summary>Component <paramref name="position"/> (1-based); empty when absent.</summary>
    public Hl7Component Component(int position) => new(Hl7Pieces.Piece(Raw, Delimiters?.Component, position), Delimiters);
}

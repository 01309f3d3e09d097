namespace CareFlows.Server.Features.Feeds.Hl7;

/// <summary>One component of a field repetition (e.g. PID-5.1, the family name), made of subcomponents.</summary>
public sealed class Hl7Component : Hl7Element
{
    internal Hl7Component(string raw, Hl7Delimiters? delimiters)
        : base(raw, delimiters)
    {
    }

    public override string Value => Subcomponent(1);

    /// <summary>The text of subcomponent <paramref name="position"/> (1-based), decoded; empty when absent.</summary>
    public string Subcomponent(int position)
    {
        var piece = Hl7Pieces.Piece(Raw, Delimiters?.Subcomponent, position);
        return Delimiters is null ? piece : Hl7Escaping.Decode(piece, Delimiters);
    }
}

namespace CareFlows.Server.Features.Feeds.Hl7;

/// <summary>One component of a field repetition (e.g. PID-5.1, the family name), made of subcomponents.</summary>
public sealed class Hl7Component
{
    private readonly Hl7Delimiters? delimiters;

    internal Hl7Component(string raw, Hl7Delimiters? delimiters)
    {
        Raw = raw;
        this.delimiters = delimiters;
    }

    /// <summary>The component as it travels, separators and escape sequences included.</summary>
    public string Raw { get; }

    public bool IsEmpty => Raw.Length == 0;

    /// <summary>The first subcomponent's text, decoded; empty when absent.</summary>
    public string Value => Subcomponent(1);

    /// <summary>The text of subcomponent <paramref name="position"/> (1-based), decoded; empty when absent.</summary>
    public string Subcomponent(int position)
    {
        var piece = Hl7Pieces.Piece(Raw, delimiters?.Subcomponent, position);
        return delimiters is null ? piece : Hl7Escaping.Decode(piece, delimiters);
    }
}

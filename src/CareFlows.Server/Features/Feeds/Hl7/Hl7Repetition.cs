namespace CareFlows.Server.Features.Feeds.Hl7;

/// <summary>One occurrence of a repeating field (e.g. one identifier of PID-3), made of components.</summary>
public sealed class Hl7Repetition
{
    private readonly Hl7Delimiters? delimiters;

    internal Hl7Repetition(string raw, Hl7Delimiters? delimiters)
    {
        Raw = raw;
        this.delimiters = delimiters;
    }

    /// <summary>The repetition as it travels, separators and escape sequences included.</summary>
    public string Raw { get; }

    public bool IsEmpty => Raw.Length == 0;

    /// <summary>The first component's text, decoded (what analysts mean by "the value of PID-3"); empty when absent.</summary>
    public string Value => Component(1).Value;

    /// <summary>Component <paramref name="position"/> (1-based); empty when absent.</summary>
    public Hl7Component Component(int position) => new(Hl7Pieces.Piece(Raw, delimiters?.Component, position), delimiters);
}

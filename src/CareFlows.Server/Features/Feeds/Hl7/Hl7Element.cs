namespace CareFlows.Server.Features.Feeds.Hl7;

/// <summary>
/// A field, repetition or component: its text as it travels, split further on the next separator and decoded only
/// when read. Without separators (MSH-1 and MSH-2, whose characters are the separators themselves) nothing is split
/// or decoded.
/// </summary>
public abstract class Hl7Element
{
    private protected Hl7Element(string raw, Hl7Delimiters? delimiters)
    {
        Raw = raw;
        Delimiters = delimiters;
    }

    /// <summary>The text as it travels, separators and escape sequences included.</summary>
    public string Raw { get; }

    public bool IsEmpty => Raw.Length == 0;

    /// <summary>The first piece's decoded text (what analysts mean by "the value of PID-5"); empty when absent.</summary>
    public abstract string Value { get; }

    private protected Hl7Delimiters? Delimiters { get; }

    public override string ToString() => Raw;
}

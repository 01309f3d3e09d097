namespace CareFlows.Server.Features.Feeds.Hl7;

/// <summary>Limits on what the parser reads, so that one oversized message cannot take the feed's memory or time.</summary>
public sealed record Hl7ParseOptions
{
    public static Hl7ParseOptions Default { get; } = new();

    /// <summary>The longest message read, in characters (1 Mi by default, the MLLP listener's frame limit).</summary>
    public int MaxLength { get; init; } = 1024 * 1024;
}

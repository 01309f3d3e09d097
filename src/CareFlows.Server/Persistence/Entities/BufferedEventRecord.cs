namespace CareFlows.Server.Persistence.Entities;

/// <summary>An event that arrived before any instance waited for it; applied when one gets there, until it expires.</summary>
public sealed class BufferedEventRecord
{
    public required string Id { get; set; }

    public required string EventName { get; set; }

    public string? CorrelationKey { get; set; }

    /// <summary>The payload as JSON, or null.</summary>
    public string? Payload { get; set; }

    public string? IdempotencyKey { get; set; }

    public DateTime ReceivedAt { get; set; }

    public DateTime ExpiresAt { get; set; }
}

namespace CareFlows.Server.Persistence.Entities;

/// <summary>
/// An idempotency key already seen, with what it was first used for: the same event delivered again is acknowledged
/// but not applied, and a different event under the same key is refused.
/// </summary>
public sealed class EventReceiptRecord
{
    public required string IdempotencyKey { get; set; }

    public required string EventName { get; set; }

    public string? CorrelationKey { get; set; }

    /// <summary>SHA-256 of the payload in canonical JSON (see <c>CanonicalJson</c>); null only for keys recorded before payloads were.</summary>
    public string? PayloadHash { get; set; }

    public DateTime ReceivedAt { get; set; }

    /// <summary>How many instances the event resumed or started when it was first applied.</summary>
    public int Delivered { get; set; }

    /// <summary>True when the event was buffered because nothing waited for it yet.</summary>
    public bool Buffered { get; set; }
}

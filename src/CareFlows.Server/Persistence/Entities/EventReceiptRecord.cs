namespace CareFlows.Server.Persistence.Entities;

/// <summary>An idempotency key already seen: the same event delivered again is acknowledged but not applied.</summary>
public sealed class EventReceiptRecord
{
    public required string IdempotencyKey { get; set; }

    public required string EventName { get; set; }

    public DateTime ReceivedAt { get; set; }

    /// <summary>How many instances the event resumed or started when it was first applied.</summary>
    public int Delivered { get; set; }

    /// <summary>True when the event was buffered because nothing waited for it yet.</summary>
    public bool Buffered { get; set; }
}

namespace CareFlows.Server.Persistence.Entities;

/// <summary>One step of an instance's history, in the order the engine took it.</summary>
public sealed class JournalRecord
{
    public required string InstanceId { get; set; }

    public long Sequence { get; set; }

    public DateTime Timestamp { get; set; }

    public required string ActivityId { get; set; }

    public required string ActivityType { get; set; }

    public string? ActivityName { get; set; }

    public required string EventName { get; set; }

    public string? Message { get; set; }
}

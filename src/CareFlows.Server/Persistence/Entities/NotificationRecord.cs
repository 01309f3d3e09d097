namespace CareFlows.Server.Persistence.Entities;

/// <summary>
/// Something a person should know about a task: it was assigned or delegated to them, escalated to their team, or its
/// deadline was missed. Written in the transaction of the change it reports.
/// </summary>
public sealed class NotificationRecord
{
    public long Id { get; set; }

    public required string UserId { get; set; }

    /// <summary>See <see cref="NotificationKinds"/>.</summary>
    public required string Kind { get; set; }

    public string? TaskId { get; set; }

    public required string Message { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? ReadAt { get; set; }
}

/// <summary>What a notification is about.</summary>
public static class NotificationKinds
{
    public const string Assigned = "assigned";
    public const string Delegated = "delegated";
    public const string Escalated = "escalated";
    public const string DeadlineMissed = "deadline-missed";
}

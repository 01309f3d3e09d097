namespace CareFlows.Server.Persistence.Entities;

/// <summary>
/// An open bookmark, indexed so timers, events and tasks find their instance. The row exists exactly as long as
/// the bookmark is open in the instance's state; it is the source of truth for timers at start-up.
/// </summary>
public sealed class BookmarkRecord
{
    public required string Id { get; set; }

    public required string InstanceId { get; set; }

    /// <summary>Timer, Event or Task.</summary>
    public required string Kind { get; set; }

    /// <summary>The waiting activity's type, for example Elsa.Delay.</summary>
    public required string Name { get; set; }

    public required string ActivityId { get; set; }

    public DateTime? DueAt { get; set; }

    public string? EventName { get; set; }

    public string? CorrelationKey { get; set; }

    public string? TaskId { get; set; }

    public DateTime CreatedAt { get; set; }
}

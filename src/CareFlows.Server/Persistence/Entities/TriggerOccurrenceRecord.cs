namespace CareFlows.Server.Persistence.Entities;

/// <summary>
/// One occurrence of a Timer, Cron or StartAt trigger that has started its instance. Every node arms every published
/// trigger; the first to commit an occurrence's row starts its instance, and the others find the row and skip. Keyed by
/// version, trigger activity and scheduled time.
/// </summary>
public sealed class TriggerOccurrenceRecord
{
    public required string DefinitionVersionId { get; set; }

    public required string ActivityId { get; set; }

    /// <summary>The time the occurrence was scheduled for, the same on every node.</summary>
    public DateTime OccursAt { get; set; }

    /// <summary>The instance the occurrence started.</summary>
    public required string InstanceId { get; set; }

    public DateTime StartedAt { get; set; }
}

namespace CareFlows.Server.Persistence.Entities;

/// <summary>A running or ended instance: its whole state document plus the columns queries filter on.</summary>
public sealed class WorkflowInstanceRecord
{
    public required string Id { get; set; }

    public required string DefinitionId { get; set; }

    public required string DefinitionVersionId { get; set; }

    public int DefinitionVersion { get; set; }

    public string? Name { get; set; }

    public string? CorrelationId { get; set; }

    /// <summary>Running or Finished.</summary>
    public required string Status { get; set; }

    /// <summary>Pending, Executing, Suspended, Finished, Cancelled or Faulted.</summary>
    public required string SubStatus { get; set; }

    public int IncidentCount { get; set; }

    /// <summary>The engine's state document (JSON).</summary>
    public required string State { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public DateTime? FinishedAt { get; set; }

    /// <summary>Concurrency token: bumped by every committed burst, checked by the next.</summary>
    public long Revision { get; set; }
}

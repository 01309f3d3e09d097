using CareFlows.Server.Persistence.Entities;

namespace CareFlows.Server.Audit;

/// <summary>What happened, as a change or a read reports it; the chain gives it its place and its hashes.</summary>
public sealed record AuditEntry
{
    public required DateTimeOffset OccurredAt { get; init; }

    public required string ActorType { get; init; }

    public string? ActorId { get; init; }

    public required string Operation { get; init; }

    public required string Action { get; init; }

    public required string EntityType { get; init; }

    public string? EntityId { get; init; }

    public string? PatientId { get; init; }

    public string? Before { get; init; }

    public string? After { get; init; }

    public required string Outcome { get; init; }

    public string? ClientAddress { get; init; }

    public string? UserAgent { get; init; }

    public string? PurposeOfUse { get; init; }

    public string? Reason { get; init; }

    public string? CorrelationId { get; init; }

    public string? DefinitionId { get; init; }

    public int? DefinitionVersion { get; init; }

    public string? InstanceId { get; init; }

    /// <summary>The record at <paramref name="sequence"/>, after the record whose hash is <paramref name="previousHash"/>.</summary>
    public AuditRecord ToRecord(long sequence, string previousHash)
    {
        var record = new AuditRecord
        {
            Sequence = sequence,
            OccurredAt = AuditChain.StoredPrecision(OccurredAt),
            ActorType = ActorType,
            ActorId = ActorId,
            Operation = Operation,
            Action = Action,
            EntityType = EntityType,
            EntityId = EntityId,
            PatientId = PatientId,
            Before = Before,
            After = After,
            Outcome = Outcome,
            ClientAddress = ClientAddress,
            UserAgent = UserAgent,
            PurposeOfUse = PurposeOfUse,
            Reason = Reason,
            CorrelationId = CorrelationId,
            DefinitionId = DefinitionId,
            DefinitionVersion = DefinitionVersion,
            InstanceId = InstanceId,
            PreviousHash = previousHash,
            Hash = string.Empty,
        };
        record.Hash = AuditChain.HashOf(record);
        return record;
    }
}

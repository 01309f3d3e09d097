namespace CareFlows.Server.Persistence.Entities;

/// <summary>
/// One entry of the audit log: who did what to which entity, for which patient, when, from where, why, and with what
/// outcome. Rows are only ever added; each carries the hash of its predecessor and its own
/// (<see cref="Audit.AuditChain"/>), so that an edit, a deletion or a reordering is detected by replaying the chain.
/// </summary>
public sealed class AuditRecord
{
    /// <summary>The record's place in the one chain: 1, 2, 3 … without gaps.</summary>
    public long Sequence { get; set; }

    /// <summary>When it happened, in UTC, to the microsecond (what every provider stores exactly).</summary>
    public DateTime OccurredAt { get; set; }

    /// <summary><c>user</c>, <c>client</c> (an API key, a feed) or <c>system</c> (timers, start-up).</summary>
    public required string ActorType { get; set; }

    public string? ActorId { get; set; }

    /// <summary>What was done, as <c>entity.verb</c>: <c>task.complete</c>, <c>user.update</c>, <c>instance.read</c> …</summary>
    public required string Operation { get; set; }

    /// <summary>C, R, U, D or E (create, read, update, delete, execute), as FHIR AuditEvent.action.</summary>
    public required string Action { get; set; }

    /// <summary>What was acted on: <c>definition</c>, <c>instance</c>, <c>task</c>, <c>user</c>, <c>session</c> …</summary>
    public required string EntityType { get; set; }

    public string? EntityId { get; set; }

    public string? PatientId { get; set; }

    /// <summary>The entity's state before the change (JSON), for updates and deletions.</summary>
    public string? Before { get; set; }

    /// <summary>The entity's state after the change (JSON), for creations and updates.</summary>
    public string? After { get; set; }

    /// <summary><c>success</c>, <c>denied</c> (401/403) or <c>failed</c>.</summary>
    public required string Outcome { get; set; }

    public string? ClientAddress { get; set; }

    public string? UserAgent { get; set; }

    public string? PurposeOfUse { get; set; }

    /// <summary>A stated reason (break-the-glass, a cancellation).</summary>
    public string? Reason { get; set; }

    public string? CorrelationId { get; set; }

    public string? DefinitionId { get; set; }

    public int? DefinitionVersion { get; set; }

    public string? InstanceId { get; set; }

    /// <summary>The hash of the record before this one (64 zeros for the first).</summary>
    public required string PreviousHash { get; set; }

    /// <summary>SHA-256 of <see cref="PreviousHash"/> and this record's canonical form, lower-case hex.</summary>
    public required string Hash { get; set; }
}

/// <summary>
/// The end of the chain: its last sequence number and hash, in one row. Every transaction that audits updates it
/// first, which makes the database serialize the writers of the chain (a row lock, SQLite's write lock), so that
/// concurrent requests on any node append one after the other and never fork it.
/// </summary>
public sealed class AuditChainHead
{
    public const int SingleId = 1;

    public int Id { get; set; }

    public long Sequence { get; set; }

    public required string Hash { get; set; }
}

/// <summary>
/// The chain's end at a moment, signed with a key kept outside the database, so that rewriting the chain up to or past
/// a checkpoint — every hash recomputed, the head included — is detected too.
/// </summary>
public sealed class AuditCheckpoint
{
    /// <summary>The last record the checkpoint covers.</summary>
    public long Sequence { get; set; }

    /// <summary>That record's hash.</summary>
    public required string Hash { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>Which key signed it: the first 16 hex digits of the key's SHA-256.</summary>
    public required string KeyId { get; set; }

    /// <summary>HMAC-SHA256 of the sequence, hash and time under the key, lower-case hex.</summary>
    public required string Signature { get; set; }
}

namespace CareFlows.Server.Persistence.Entities;

/// <summary>
/// Break-the-glass access: a coordinator's stated need to read the tasks of a patient outside their teams, granted at
/// once for a limited time and recorded in the audit log, as is every read made through it.
/// </summary>
public sealed class AccessGrantRecord
{
    public required string Id { get; set; }

    public required string UserId { get; set; }

    /// <summary>The patient as tasks name them (for example <c>Patient/123</c>).</summary>
    public required string PatientId { get; set; }

    /// <summary>Why the user needs the access, in their words.</summary>
    public required string Reason { get; set; }

    public DateTime GrantedAt { get; set; }

    public DateTime ExpiresAt { get; set; }
}

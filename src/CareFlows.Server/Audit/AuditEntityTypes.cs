namespace CareFlows.Server.Audit;

/// <summary>The entity types the audit log treats apart from the rest.</summary>
public static class AuditEntityTypes
{
    /// <summary>
    /// A workflow instance. Its records carry its id as <see cref="AuditChange.InstanceId"/> too, so the instance index
    /// finds them and the entity index need not hold them a second time.
    /// </summary>
    public const string Instance = "instance";
}

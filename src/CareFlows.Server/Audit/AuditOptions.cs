namespace CareFlows.Server.Audit;

/// <summary>The audit log's settings (configuration section <c>Audit</c>). Auditing itself cannot be turned off.</summary>
public sealed class AuditOptions
{
    public const string Section = "Audit";

    /// <summary>The checkpoint signing key, base64 (at least 32 bytes); kept outside the database, e.g. in a secret store.</summary>
    public string? CheckpointKey { get; set; }

    /// <summary>
    /// Where the key is kept when <see cref="CheckpointKey"/> is not set: relative to the content root unless absolute;
    /// made with a random key on first start. By default beside the embedded database.
    /// </summary>
    public string CheckpointKeyFile { get; set; } = "data/audit-checkpoint.key";

    /// <summary>HIPAA's six years, below which no retention may be set.</summary>
    public const int MinimumRetentionYears = 6;

    /// <summary>
    /// How long records are kept at least (ASTM E2147 suggests ten years). CareFlows itself never deletes a record: it
    /// has no delete or update path. Moving records older than this to an archive, after a verified export, is an
    /// operator's step; the setting tells them when they may.
    /// </summary>
    public int RetentionYears { get; set; } = 10;

    /// <summary>How often the chain's end is signed, when it has moved since the last checkpoint.</summary>
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromMinutes(15);
}

namespace CareFlows.Server.Persistence.Entities;

/// <summary>
/// One sign-in: every bearer token and cookie names its session, and a request is admitted only while the session
/// lives. Rows are kept after the session ends, as the record of who signed in from where and when.
/// </summary>
public sealed class SessionRecord
{
    public required string Id { get; set; }

    public required string UserId { get; set; }

    public required SessionTransport Transport { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>The last request in this session, written at most about once a minute.</summary>
    public DateTime LastSeenAt { get; set; }

    /// <summary>The absolute end of the session, however active it is.</summary>
    public DateTime ExpiresAt { get; set; }

    /// <summary>When the session was ended (sign-out, a password or role change, deactivation); null while it may live.</summary>
    public DateTime? EndedAt { get; set; }

    public string? EndReason { get; set; }

    public string? ClientAddress { get; set; }

    public string? UserAgent { get; set; }

    /// <summary>How many times the session's refresh token was exchanged; only the newest refresh token is accepted.</summary>
    public int RefreshCount { get; set; }
}

/// <summary>How a session's credential travels.</summary>
public enum SessionTransport
{
    Bearer,
    Cookie,
}

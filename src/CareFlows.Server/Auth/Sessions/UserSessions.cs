using CareFlows.Server.Persistence;
using CareFlows.Server.Persistence.Configurations;
using CareFlows.Server.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace CareFlows.Server.Auth.Sessions;

/// <summary>
/// Starts and ends sessions. Ending every session of a user is the one way a password change, a role change or a
/// deactivation signs the user out everywhere (see <see cref="CareFlowsUserManager"/>).
/// </summary>
public sealed class UserSessions(CareFlowsDbContext db, SessionCache cache, AuthOptions options, TimeProvider clock)
{

    public async Task<SessionRecord> StartAsync(string userId, SessionTransport transport, ConnectionInfo connection, string? userAgent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var now = Now;
        var session = new SessionRecord
        {
            Id = Guid.NewGuid().ToString("N"),
            UserId = userId,
            Transport = transport,
            CreatedAt = now,
            LastSeenAt = now,
            ExpiresAt = now + options.SessionLifetime,
            ClientAddress = connection.RemoteIpAddress?.ToString(),
            UserAgent = userAgent is { Length: > SessionConfiguration.UserAgentLength } ? userAgent[..SessionConfiguration.UserAgentLength] : userAgent,
        };
        db.Sessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        return session;
    }

    /// <summary>Ends the session, if it has not ended already, and drops this node's view of it; whether it ended it.</summary>
    public async Task<bool> EndAsync(string sessionId, string reason, CancellationToken cancellationToken = default)
    {
        var ended = await End(db.Sessions.Where(s => s.Id == sessionId), reason, cancellationToken);
        cache.Forget([sessionId]);
        return ended == 1;
    }

    /// <summary>
    /// Ends every live session of the user; their tokens and cookies are refused from then on. Returns the sessions
    /// ended, for <see cref="Forget"/> once an enclosing transaction commits.
    /// </summary>
    public async Task<IReadOnlyList<string>> EndAllAsync(string userId, string reason, CancellationToken cancellationToken = default)
    {
        var live = db.Sessions.Where(s => s.UserId == userId && s.EndedAt == null);
        var ids = await live.Select(s => s.Id).ToListAsync(cancellationToken);
        await End(live, reason, cancellationToken);
        cache.Forget(ids);
        return ids;
    }

    /// <summary>
    /// Counts one refresh of a live bearer session whose refresh token is the newest. An older refresh token used
    /// again means two parties hold the session's tokens, so the session ends.
    /// </summary>
    public async Task<bool> TryRefreshAsync(string sessionId, int refreshCount, CancellationToken cancellationToken = default)
    {
        var now = Now;
        var live = db.Sessions.Where(s => s.Id == sessionId && s.Transport == SessionTransport.Bearer && s.EndedAt == null && s.ExpiresAt > now);
        var refreshed = await live
            .Where(s => s.RefreshCount == refreshCount)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.RefreshCount, refreshCount + 1).SetProperty(x => x.LastSeenAt, now), cancellationToken);
        if (refreshed == 1)
        {
            return true;
        }

        await End(live.Where(s => s.RefreshCount != refreshCount), SessionEndReasons.RefreshTokenReused, cancellationToken);
        cache.Forget([sessionId]);
        return false;
    }

    /// <summary>Drops this node's view of these sessions, so that their next request reads them again.</summary>
    public void Forget(IReadOnlyList<string> sessionIds) => cache.Forget(sessionIds);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private Task<int> End(IQueryable<SessionRecord> sessions, string reason, CancellationToken cancellationToken)
    {
        var now = Now;
        return sessions.Where(s => s.EndedAt == null).ExecuteUpdateAsync(
            s => s.SetProperty(x => x.EndedAt, now).SetProperty(x => x.EndReason, reason),
            cancellationToken);
    }
}

/// <summary>Why a session ended, as recorded with it.</summary>
public static class SessionEndReasons
{
    public const string SignedOut = "SignedOut";
    public const string PasswordChanged = "PasswordChanged";
    public const string RolesChanged = "RolesChanged";
    public const string SecurityStampChanged = "SecurityStampChanged";
    public const string Deactivated = "Deactivated";
    public const string RefreshTokenReused = "RefreshTokenReused";

    /// <summary>An admin ended the session (POST /api/admin/sessions/{id}/revoke).</summary>
    public const string Revoked = "Revoked";
}

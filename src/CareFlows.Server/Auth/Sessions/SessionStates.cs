using System.Linq.Expressions;
using CareFlows.Server.Persistence.Entities;

namespace CareFlows.Server.Auth.Sessions;

/// <summary>Where a session stands: only an active one admits requests.</summary>
public enum SessionState
{
    /// <summary>Not ended, not past its lifetime, and (a cookie session) used within the idle timeout.</summary>
    Active,

    /// <summary>Ended on purpose: signed out, revoked, or a password, role or activation change; the reason is recorded.</summary>
    Ended,

    /// <summary>Its lifetime (<see cref="AuthOptions.SessionLifetime"/>) ran out.</summary>
    Expired,

    /// <summary>A cookie session unused for longer than <see cref="AuthOptions.IdleTimeout"/> (automatic logoff).</summary>
    Idle,
}

/// <summary>
/// The rules <see cref="SessionCache"/> admits a request by, for reading sessions rather than admitting requests: a
/// session's recorded last-seen time lags its last request by at most <see cref="AuthOptions.EffectiveLastSeenInterval"/>,
/// so a session seen here as active may have gone idle that much sooner.
/// </summary>
public static class SessionStates
{
    public static SessionState StateAt(this SessionRecord session, DateTime now, AuthOptions options)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(options);
        if (session.EndedAt is not null)
        {
            return SessionState.Ended;
        }

        if (now >= session.ExpiresAt)
        {
            return SessionState.Expired;
        }

        return session.Transport == SessionTransport.Cookie && now - session.LastSeenAt > options.IdleTimeout ? SessionState.Idle : SessionState.Active;
    }

    /// <summary>The sessions active at <paramref name="now"/>, as a filter the database runs.</summary>
    public static Expression<Func<SessionRecord, bool>> ActiveAt(DateTime now, AuthOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var idleSince = now - options.IdleTimeout;
        return s => s.EndedAt == null && s.ExpiresAt > now && (s.Transport == SessionTransport.Bearer || s.LastSeenAt >= idleSince);
    }
}

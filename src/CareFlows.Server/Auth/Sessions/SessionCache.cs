using System.Collections.Concurrent;
using CareFlows.Server.Persistence;
using CareFlows.Server.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace CareFlows.Server.Auth.Sessions;

/// <summary>
/// Answers "does this session live?" for every authenticated request without a database round trip each time: what
/// a node read about a session is trusted for <see cref="AuthOptions.SessionCheckInterval"/>, then read again, so a
/// session ended on any node is refused everywhere within that interval. Concurrent requests share one read.
/// </summary>
public sealed class SessionCache(IServiceScopeFactory scopes, AuthOptions options, SessionActivity activity, TimeProvider clock)
{
    private static readonly TimeSpan UnusedEntryLifetime = TimeSpan.FromMinutes(2);
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private long _nextSweep;

    /// <summary>
    /// Whether the session lives. A request admitted in it counts as activity; a check made on the session's behalf
    /// (an open event stream asking whether to go on) passes <paramref name="countsAsActivity"/> false, so that it
    /// never keeps an unused session from timing out.
    /// </summary>
    public async ValueTask<bool> IsLiveAsync(string sessionId, SessionTransport transport, CancellationToken cancellationToken, bool countsAsActivity = true)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        SweepUnused(now);
        var entry = _entries.GetOrAdd(sessionId, static _ => new Entry());
        var session = await entry.Read(now, options.SessionCheckInterval, () => LoadAsync(sessionId)).WaitAsync(cancellationToken);
        return session is not null && session.Transport == transport && entry.Admit(session, now, options, countsAsActivity ? activity : null, sessionId);
    }

    /// <summary>Drops what this node knows about these sessions, so that their next request reads them again.</summary>
    public void Forget(IEnumerable<string> sessionIds)
    {
        foreach (var id in sessionIds)
        {
            _entries.TryRemove(id, out _);
        }
    }

    private async Task<SessionRecord?> LoadAsync(string sessionId)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CareFlowsDbContext>();
        return await db.Sessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == sessionId);
    }

    private void SweepUnused(DateTime now)
    {
        var due = Interlocked.Read(ref _nextSweep);
        if (now.Ticks < due || Interlocked.CompareExchange(ref _nextSweep, now.Ticks + UnusedEntryLifetime.Ticks, due) != due)
        {
            return;
        }

        foreach (var (id, entry) in _entries)
        {
            if (now - entry.LastUsed > UnusedEntryLifetime)
            {
                _entries.TryRemove(id, out _);
            }
        }
    }

    private sealed class Entry
    {
        private readonly Lock _lock = new();
        private Task<SessionRecord?>? _read;
        private DateTime _readAt;
        private DateTime _lastSeen;

        public DateTime LastUsed { get; private set; }

        public Task<SessionRecord?> Read(DateTime now, TimeSpan trustedFor, Func<Task<SessionRecord?>> load)
        {
            lock (_lock)
            {
                LastUsed = now;
                if (_read is null || now - _readAt >= trustedFor || _read.IsFaulted || _read.IsCanceled)
                {
                    _read = load();
                    _readAt = now;
                }

                return _read;
            }
        }

        /// <summary>Whether the session still lives at <paramref name="now"/>; if it does, and <paramref name="activity"/> is given, the request counts as activity.</summary>
        public bool Admit(SessionRecord session, DateTime now, AuthOptions options, SessionActivity? activity, string sessionId)
        {
            lock (_lock)
            {
                var lastSeen = session.LastSeenAt > _lastSeen ? session.LastSeenAt : _lastSeen;
                var idle = session.Transport == SessionTransport.Cookie && now - lastSeen > options.IdleTimeout;
                if (session.EndedAt is not null || now >= session.ExpiresAt || idle)
                {
                    return false;
                }

                if (activity is not null && now - lastSeen >= options.EffectiveLastSeenInterval)
                {
                    _lastSeen = now;
                    activity.Touch(sessionId);
                }

                return true;
            }
        }
    }
}

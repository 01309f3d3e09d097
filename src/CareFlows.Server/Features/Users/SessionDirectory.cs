using System.Linq.Expressions;
using CareFlows.Server.Auth;
using CareFlows.Server.Auth.Sessions;
using CareFlows.Server.Infrastructure;
using CareFlows.Server.Persistence;
using CareFlows.Server.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace CareFlows.Server.Features.Users;

/// <summary>Finds sessions and describes them with their user and state, a page at a time in three queries.</summary>
public sealed class SessionDirectory(CareFlowsDbContext db, AuthOptions options, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>The session as it is now, or 404.</summary>
    public async Task<SessionRecord> FindAsync(string sessionId, CancellationToken cancellationToken) =>
        await db.Sessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == sessionId, cancellationToken)
        ?? throw new NotFoundException($"Session '{sessionId}' does not exist.");

    /// <summary>Sessions active now, as a filter the database runs.</summary>
    public IQueryable<SessionRecord> Filter(IQueryable<SessionRecord> sessions, bool? active)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        return active switch
        {
            true => sessions.Where(SessionStates.ActiveAt(Now, options)),
            false => sessions.Where(Negate(SessionStates.ActiveAt(Now, options))),
            null => sessions,
        };
    }

    /// <summary>One page of <paramref name="matching"/> in the order <paramref name="order"/> puts it, with the total of all that match.</summary>
    public async Task<SessionPageResponse> PageAsync(
        IQueryable<SessionRecord> matching,
        Func<IQueryable<SessionRecord>, IQueryable<SessionRecord>> order,
        int page,
        int pageSize,
        string? currentSessionId,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        var total = await matching.CountAsync(cancellationToken);
        var rows = await order(matching.AsNoTracking()).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new SessionPageResponse(await ResponsesAsync(rows, currentSessionId, cancellationToken), total, page, pageSize);
    }

    public async Task<SessionResponse> ResponseAsync(SessionRecord session, string? currentSessionId, CancellationToken cancellationToken) =>
        (await ResponsesAsync([session], currentSessionId, cancellationToken))[0];

    private async Task<List<SessionResponse>> ResponsesAsync(IReadOnlyList<SessionRecord> sessions, string? currentSessionId, CancellationToken cancellationToken)
    {
        var userIds = sessions.Select(s => s.UserId).Distinct().ToList();
        var users = await db.Users.AsNoTracking()
            .Where(u => userIds.Contains(u.Id))
            .Select(u => new { u.Id, u.Email, u.DisplayName })
            .ToDictionaryAsync(u => u.Id, cancellationToken);
        var now = Now;
        return sessions.Select(s => new SessionResponse(
                s.Id,
                s.UserId,
                users.GetValueOrDefault(s.UserId)?.Email ?? "",
                users.GetValueOrDefault(s.UserId)?.DisplayName,
                s.Transport,
                s.CreatedAt,
                s.LastSeenAt,
                s.ExpiresAt,
                s.StateAt(now, options),
                s.EndedAt,
                s.EndReason,
                s.ClientAddress,
                s.UserAgent,
                s.Id == currentSessionId))
            .ToList();
    }

    private static Expression<Func<SessionRecord, bool>> Negate(Expression<Func<SessionRecord, bool>> filter) =>
        Expression.Lambda<Func<SessionRecord, bool>>(Expression.Not(filter.Body), filter.Parameters);
}

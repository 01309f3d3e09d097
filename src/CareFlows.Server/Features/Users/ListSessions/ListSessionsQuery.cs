using CareFlows.Server.Persistence;
using CareFlows.Server.Persistence.Entities;
using Microsoft.AspNetCore.Mvc;

namespace CareFlows.Server.Features.Users.ListSessions;

/// <summary>Filters, order and paging of everyone's sessions, bound from the query string.</summary>
/// <param name="Q">Sessions of users whose email or display name contains this text, in any case.</param>
/// <param name="Active">true: sessions that admit requests now; false: ended, expired or idle ones; absent: all.</param>
/// <param name="Sort">started (newest sign-in first, the default), lastSeen (most recently used first) or user (by email, then newest first).</param>
/// <param name="Page">1-based page number; 1 when absent.</param>
/// <param name="PageSize">Sessions per page, at most <see cref="ListUsers.ListUsersQuery.MaxPageSize"/>.</param>
public sealed record ListSessionsQuery(
    [FromQuery(Name = "q")] string? Q,
    [FromQuery(Name = "active")] bool? Active,
    [FromQuery(Name = "sort")] string? Sort,
    [FromQuery(Name = "page")] int? Page,
    [FromQuery(Name = "pageSize")] int? PageSize)
{
    public static readonly IReadOnlyList<string> Sorts = ["started", "lastSeen", "user"];

    public int PageNumber => Page ?? 1;

    public int Size => PageSize ?? ListUsers.ListUsersQuery.DefaultPageSize;

    public IQueryable<SessionRecord> Filter(CareFlowsDbContext db, SessionDirectory directory)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(directory);
        var sessions = directory.Filter(db.Sessions, Active);
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var term = Q.Trim().ToUpperInvariant();
#pragma warning disable CA1862 // EF translates ToUpper() to SQL upper(); Contains with a StringComparison has no SQL translation.
            var users = db.Users.Where(u => u.NormalizedEmail!.Contains(term) || (u.DisplayName != null && u.DisplayName.ToUpper().Contains(term))).Select(u => u.Id);
#pragma warning restore CA1862
            sessions = sessions.Where(s => users.Contains(s.UserId));
        }

        return sessions;
    }

    public IQueryable<SessionRecord> Order(CareFlowsDbContext db, IQueryable<SessionRecord> sessions)
    {
        ArgumentNullException.ThrowIfNull(db);
        return Sort switch
        {
            "lastSeen" => sessions.OrderByDescending(s => s.LastSeenAt).ThenByDescending(s => s.CreatedAt).ThenBy(s => s.Id),
            "user" => sessions
                .OrderBy(s => db.Users.Where(u => u.Id == s.UserId).Select(u => u.NormalizedEmail).FirstOrDefault())
                .ThenByDescending(s => s.CreatedAt)
                .ThenBy(s => s.Id),
            _ => sessions.OrderByDescending(s => s.CreatedAt).ThenBy(s => s.Id),
        };
    }
}

using Microsoft.AspNetCore.Mvc;

namespace CareFlows.Server.Features.Users.ListUserSessions;

/// <summary>Filter and paging of one user's sessions, newest sign-in first, bound from the query string.</summary>
/// <param name="Active">true: sessions that admit requests now; false: ended, expired or idle ones; absent: all.</param>
/// <param name="Page">1-based page number; 1 when absent.</param>
/// <param name="PageSize">Sessions per page, at most <see cref="ListUsers.ListUsersQuery.MaxPageSize"/>.</param>
public sealed record ListUserSessionsQuery(
    [FromQuery(Name = "active")] bool? Active,
    [FromQuery(Name = "page")] int? Page,
    [FromQuery(Name = "pageSize")] int? PageSize)
{
    public int PageNumber => Page ?? 1;

    public int Size => PageSize ?? ListUsers.ListUsersQuery.DefaultPageSize;
}

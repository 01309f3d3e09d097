using CareFlows.Server.Auth;
using CareFlows.Server.Features.Teams;
using CareFlows.Server.Persistence;
using Microsoft.AspNetCore.Mvc;

namespace CareFlows.Server.Features.People.ListPeople;

/// <summary>Filters and paging of the people directory, bound from the query string.</summary>
/// <param name="Search">People whose display name contains this text, in any case.</param>
/// <param name="Team">Members of the team with this id.</param>
/// <param name="Ids">
/// These people only, deactivated ones included, so a page naming many people (history, a task list) looks them all up
/// in one request. Without ids the directory lists active people only, the ones work can be handed to.
/// </param>
/// <param name="Page">1-based page number; 1 when absent.</param>
/// <param name="PageSize">People per page, at most <see cref="MaxPageSize"/>.</param>
public sealed record ListPeopleQuery(
    [FromQuery(Name = "search")] string? Search,
    [FromQuery(Name = "team")] string? Team,
    [FromQuery(Name = "id")] string[]? Ids,
    [FromQuery(Name = "page")] int? Page,
    [FromQuery(Name = "pageSize")] int? PageSize)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    /// <summary>Keeps (page - 1) × page size within an int.</summary>
    public const int MaxPage = int.MaxValue / MaxPageSize;

    public int PageNumber => Page ?? 1;

    public int Size => PageSize ?? DefaultPageSize;

    public IQueryable<CareFlowsUser> Filter(CareFlowsDbContext db, TeamMembership membership)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(membership);
        var users = db.Users.AsQueryable();
        if (Ids is { Length: > 0 } ids)
        {
            users = users.Where(u => ids.Contains(u.Id));
        }
        else
        {
            users = users.Where(u => u.DeactivatedAt == null);
        }

        if (!string.IsNullOrWhiteSpace(Search))
        {
            var term = Search.Trim().ToUpperInvariant();
#pragma warning disable CA1862 // EF translates ToUpper() to SQL upper(); Contains with a StringComparison has no SQL translation.
            users = users.Where(u => u.DisplayName != null && u.DisplayName.ToUpper().Contains(term));
#pragma warning restore CA1862
        }

        if (Team is { } team)
        {
            var members = membership.MemberIdsOf(team);
            users = users.Where(u => members.Contains(u.Id));
        }

        return users;
    }
}

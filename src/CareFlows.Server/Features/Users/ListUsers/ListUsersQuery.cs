using CareFlows.Server.Auth;
using CareFlows.Server.Features.Teams;
using CareFlows.Server.Persistence;
using Microsoft.AspNetCore.Mvc;

namespace CareFlows.Server.Features.Users.ListUsers;

/// <summary>Filters and paging of the user list, bound from the query string.</summary>
/// <param name="Q">Users whose email or display name contains this text, in any case.</param>
/// <param name="Role">Users holding this role.</param>
/// <param name="Team">Members of the team with this id.</param>
/// <param name="Active">true: users who may sign in; false: deactivated users.</param>
/// <param name="Page">1-based page number; 1 when absent.</param>
/// <param name="PageSize">Users per page, at most <see cref="MaxPageSize"/>.</param>
public sealed record ListUsersQuery(
    [FromQuery(Name = "q")] string? Q,
    [FromQuery(Name = "role")] string? Role,
    [FromQuery(Name = "team")] string? Team,
    [FromQuery(Name = "active")] bool? Active,
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
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var term = Q.Trim().ToUpperInvariant();
#pragma warning disable CA1862 // EF translates ToUpper() to SQL upper(); Contains with a StringComparison has no SQL translation.
            users = users.Where(u => u.NormalizedEmail!.Contains(term) || (u.DisplayName != null && u.DisplayName.ToUpper().Contains(term)));
#pragma warning restore CA1862
        }

        if (UserFieldRules.RoleName(Role) is { } role)
        {
            var normalized = role.ToUpperInvariant();
            var holders = db.UserRoles.Join(db.Roles.Where(r => r.NormalizedName == normalized), ur => ur.RoleId, r => r.Id, (ur, _) => ur.UserId);
            users = users.Where(u => holders.Contains(u.Id));
        }

        if (Team is { } team)
        {
            var members = membership.MemberIdsOf(team);
            users = users.Where(u => members.Contains(u.Id));
        }

        if (Active is { } active)
        {
            users = active ? users.Where(u => u.DeactivatedAt == null) : users.Where(u => u.DeactivatedAt != null);
        }

        return users;
    }
}

using CareFlows.Server.Auth;
using CareFlows.Server.Features.Teams;
using CareFlows.Server.Infrastructure;
using CareFlows.Server.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CareFlows.Server.Features.Users;

/// <summary>Finds users and describes them with their roles and teams, a page at a time in three queries.</summary>
public sealed class UserDirectory(CareFlowsDbContext db, TeamMembership membership, TimeProvider clock)
{
    /// <summary>The user (tracked, for a change), or 404.</summary>
    public async Task<CareFlowsUser> FindAsync(string userId, CancellationToken cancellationToken) =>
        await db.Users.FirstOrDefaultAsync(u => u.Id == userId, cancellationToken) ?? throw NotFound(userId);

    public async Task<UserResponse> ResponseAsync(CareFlowsUser user, CancellationToken cancellationToken) =>
        (await ResponsesAsync([user], cancellationToken))[0];

    public async Task<List<UserResponse>> ResponsesAsync(IReadOnlyList<CareFlowsUser> users, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(users);
        var ids = users.Select(u => u.Id).ToList();
        var roles = (await db.UserRoles.AsNoTracking()
                .Where(ur => ids.Contains(ur.UserId))
                .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
                .ToListAsync(cancellationToken))
            .ToLookup(r => r.UserId, r => r.Name ?? "");
        var teams = await membership.TeamsOfAsync(ids, cancellationToken);
        var now = clock.GetUtcNow();
        return users.Select(u => new UserResponse(
                u.Id,
                u.Email ?? "",
                u.DisplayName,
                [.. roles[u.Id].Order(StringComparer.Ordinal)],
                teams[u.Id],
                u.DeactivatedAt is null,
                u.DeactivatedAt,
                u.LockoutEnd > now ? u.LockoutEnd : null))
            .ToList();
    }

    public static NotFoundException NotFound(string userId) => new($"User '{userId}' does not exist.");
}

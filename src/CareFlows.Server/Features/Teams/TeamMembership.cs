using CareFlows.Server.Persistence;
using CareFlows.Server.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace CareFlows.Server.Features.Teams;

/// <summary>
/// The one place that answers which teams a user is in, and the one place that changes it. Whatever decides by team —
/// the admin API, "my teams", who may see and claim a queue's tasks — asks here rather than reading the table.
/// </summary>
public sealed class TeamMembership(CareFlowsDbContext db, TimeProvider clock)
{
    /// <summary>The ids of the teams <paramref name="userId"/> belongs to: all that the access checks need, read on every inbox request.</summary>
    public async Task<IReadOnlySet<string>> TeamIdsOfAsync(string userId, CancellationToken cancellationToken) =>
        (await db.TeamMembers.AsNoTracking().Where(m => m.UserId == userId).Select(m => m.TeamId).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);

    /// <summary>The teams <paramref name="userId"/> belongs to, by name.</summary>
    public async Task<IReadOnlyList<TeamSummary>> TeamsOfAsync(string userId, CancellationToken cancellationToken) =>
        (await TeamsOfAsync([userId], cancellationToken))[userId];

    /// <summary>The teams of each of <paramref name="userIds"/> (an empty list for a user in none), by name.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<TeamSummary>>> TeamsOfAsync(IReadOnlyCollection<string> userIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(userIds);
        var rows = await db.TeamMembers.AsNoTracking()
            .Where(m => userIds.Contains(m.UserId))
            .Join(db.Teams, m => m.TeamId, t => t.Id, (m, t) => new { m.UserId, t.Id, t.Name })
            .ToListAsync(cancellationToken);
        var byUser = rows.ToLookup(r => r.UserId, r => new TeamSummary(r.Id, r.Name));
        return userIds.Distinct().ToDictionary(
            id => id,
            id => (IReadOnlyList<TeamSummary>)[.. byUser[id].OrderBy(t => t.Name, StringComparer.OrdinalIgnoreCase).ThenBy(t => t.Id, StringComparer.Ordinal)]);
    }

    /// <summary>Whether <paramref name="userId"/> is in <paramref name="teamId"/>.</summary>
    public Task<bool> IsMemberAsync(string userId, string teamId, CancellationToken cancellationToken) =>
        db.TeamMembers.AnyAsync(m => m.UserId == userId && m.TeamId == teamId, cancellationToken);

    /// <summary>The ids of the team's members, as a query to compose into others.</summary>
    public IQueryable<string> MemberIdsOf(string teamId) => db.TeamMembers.Where(m => m.TeamId == teamId).Select(m => m.UserId);

    /// <summary>Of <paramref name="teamIds"/>, those that name no team.</summary>
    public async Task<IReadOnlySet<string>> UnknownTeamsAsync(IReadOnlyCollection<string> teamIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(teamIds);
        var known = await db.Teams.AsNoTracking().Where(t => teamIds.Contains(t.Id)).Select(t => t.Id).ToListAsync(cancellationToken);
        return teamIds.Except(known, StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Adds the user to the team unless already a member.</summary>
    public async Task AddAsync(string teamId, string userId, CancellationToken cancellationToken)
    {
        if (!await IsMemberAsync(userId, teamId, cancellationToken))
        {
            db.TeamMembers.Add(Member(teamId, userId));
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>Takes the user out of the team, if a member.</summary>
    public async Task RemoveAsync(string teamId, string userId, CancellationToken cancellationToken) =>
        await db.TeamMembers.Where(m => m.TeamId == teamId && m.UserId == userId).ExecuteDeleteAsync(cancellationToken);

    /// <summary>Makes <paramref name="teamIds"/> (which must exist) exactly the user's teams.</summary>
    public async Task SetTeamsAsync(string userId, IReadOnlyCollection<string> teamIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(teamIds);
        var current = await db.TeamMembers.Where(m => m.UserId == userId).ToListAsync(cancellationToken);
        db.TeamMembers.RemoveRange(current.Where(m => !teamIds.Contains(m.TeamId)));
        db.TeamMembers.AddRange(teamIds.Distinct().Where(id => !current.Exists(m => m.TeamId == id)).Select(id => Member(id, userId)));
        await db.SaveChangesAsync(cancellationToken);
    }

    private TeamMemberRecord Member(string teamId, string userId) =>
        new() { TeamId = teamId, UserId = userId, AddedAt = clock.GetUtcNow().UtcDateTime };
}

using CareFlows.Server.Infrastructure;
using CareFlows.Server.Persistence;
using CareFlows.Server.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace CareFlows.Server.Features.Teams;

public static class TeamQueries
{
    /// <summary>The team, or 404.</summary>
    public static async Task<TeamRecord> FindTeamAsync(this CareFlowsDbContext db, string teamId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.Teams.FirstOrDefaultAsync(t => t.Id == teamId, cancellationToken) ?? throw NotFound(teamId);
    }

    /// <summary>The team with its members, by email, or 404.</summary>
    public static async Task<TeamResponse> TeamResponseAsync(this CareFlowsDbContext db, string teamId, CancellationToken cancellationToken)
    {
        var team = await db.FindTeamAsync(teamId, cancellationToken);
        var members = await db.TeamMembers.AsNoTracking()
            .Where(m => m.TeamId == teamId)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { u.Id, u.Email, u.DisplayName, u.DeactivatedAt, m.AddedAt })
            .OrderBy(m => m.Email)
            .ToListAsync(cancellationToken);
        return team.ToResponse(members.ConvertAll(m => new TeamMemberResponse(m.Id, m.Email ?? "", m.DisplayName, m.DeactivatedAt is null, m.AddedAt)));
    }

    public static NotFoundException NotFound(string teamId) => new($"Team '{teamId}' does not exist.");
}

using CareFlows.Server.Features.Teams;
using CareFlows.Server.Infrastructure;

namespace CareFlows.Server.Features.Users;

internal static class UserTeams
{
    /// <summary>Refuses (422) team ids that name no team, each keyed by its index under <paramref name="key"/>.</summary>
    public static async Task RequireKnownAsync(this TeamMembership membership, IReadOnlyList<string> teamIds, string key, CancellationToken cancellationToken)
    {
        var unknown = await membership.UnknownTeamsAsync(teamIds, cancellationToken);
        if (unknown.Count > 0)
        {
            var errors = teamIds
                .Select((id, index) => (id, index))
                .Where(t => unknown.Contains(t.id))
                .ToDictionary(t => $"{key}[{t.index}]", t => new[] { $"Team '{t.id}' does not exist." });
            throw new UnprocessableException("The request names a team that does not exist.", errors);
        }
    }
}

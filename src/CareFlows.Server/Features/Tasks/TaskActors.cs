using System.Security.Claims;
using CareFlows.Server.Auth;
using CareFlows.Server.Features.Teams;
using CareFlows.Server.Inbox;

namespace CareFlows.Server.Features.Tasks;

/// <summary>The signed-in user as the inbox sees them: id, roles and the teams they belong to now.</summary>
public sealed class TaskActors(TeamMembership membership)
{
    public async Task<TaskActor> OfAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var userId = user.UserId();
        var roles = Roles.All.Where(user.IsInRole).ToHashSet(StringComparer.Ordinal);
        var teams = (await membership.TeamsOfAsync(userId, cancellationToken)).Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        return new TaskActor(userId, roles, teams);
    }
}

using System.Security.Claims;
using CareFlows.Server.Auth;
using CareFlows.Server.Features.Teams;
using CareFlows.Server.Inbox;

namespace CareFlows.Server.Features.Tasks;

/// <summary>
/// The signed-in user as the inbox sees them: id, roles and the teams they belong to now. Scoped to the request, which
/// reads the user's teams once however often it asks (a completion checks access before and after the change).
/// </summary>
public sealed class TaskActors(TeamMembership membership)
{
    private (ClaimsPrincipal User, TaskActor Actor)? _known;

    public async Task<TaskActor> OfAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (_known is { } known && ReferenceEquals(known.User, user))
        {
            return known.Actor;
        }

        var userId = user.UserId();
        var roles = Roles.All.Where(user.IsInRole).ToHashSet(StringComparer.Ordinal);
        var teams = await membership.TeamIdsOfAsync(userId, cancellationToken);
        var actor = new TaskActor(userId, roles, teams);
        _known = (user, actor);
        return actor;
    }
}

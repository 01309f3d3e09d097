using System.Security.Claims;
using CareFlows.Server.Auth;
using CareFlows.Server.Features.Access;
using CareFlows.Server.Features.Teams;
using CareFlows.Server.Inbox;

namespace CareFlows.Server.Features.Tasks;

/// <summary>
/// The signed-in user as the inbox sees them: id, roles, the teams they belong to now and the patients they broke the
/// glass for. Scoped to the request, which reads them once however often it asks.
/// </summary>
public sealed class TaskActors(TeamMembership membership, AccessGrants grants)
{
    private (ClaimsPrincipal User, TaskActor Actor)? _known;

    public async Task<TaskActor> OfAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (_known is { } known && ReferenceEquals(known.User, user))
        {
            return known.Actor;
        }

        var requester = RequesterOf(user);
        var actor = requester.WithTeams(await membership.TeamIdsOfAsync(requester.UserId, cancellationToken));
        if (requester.Roles.Contains(Roles.Coordinator))
        {
            // Of a patient's grants, the one that runs longest stands for the access (the newest, unless the duration
            // was shortened since): its end is when the access ends, its reason is the one reads are flagged with.
            var active = await grants.ActiveAsync(requester.UserId, cancellationToken);
            actor = actor with
            {
                Grants = active.GroupBy(g => g.PatientId, StringComparer.Ordinal).ToDictionary(
                    g => g.Key,
                    g => g.OrderByDescending(x => x.ExpiresAt).ThenByDescending(x => x.GrantedAt).Select(x => new PatientGrant(x.Id, x.Reason, x.ExpiresAt)).First(),
                    StringComparer.Ordinal),
            };
        }

        _known = (user, actor);
        return actor;
    }

    /// <summary>The user as a request to change a task names them: the runtime reads their teams with the task.</summary>
    public static TaskRequester RequesterOf(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new TaskRequester(user.UserId(), Roles.All.Where(user.IsInRole).ToHashSet(StringComparer.Ordinal));
    }
}

using System.Security.Claims;
using CareFlows.Server.Features.Tasks;
using CareFlows.Server.Inbox;
using CareFlows.Server.Infrastructure;
using CareFlows.Server.Persistence;
using CareFlows.Server.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace CareFlows.Server.Features.Instances;

/// <summary>
/// Which instances a user may read — their variables are patient data: auditors and administrators every one; a
/// coordinator those with a task they may read (<see cref="TaskAccess"/>: their own, their teams', or a patient's they
/// broke the glass for); clinical leads none (the endpoints refuse them outright).
/// </summary>
public static class InstanceAccess
{
    public static async Task<IQueryable<WorkflowInstanceRecord>> ReadableAsync(
        IQueryable<WorkflowInstanceRecord> instances, CareFlowsDbContext db, TaskActors actors, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actors);
        ArgumentNullException.ThrowIfNull(db);
        var actor = await actors.OfAsync(user, cancellationToken);
        if (TaskAccess.ReadsAll(actor))
        {
            return instances;
        }

        var tasks = TaskAccess.Readable(actor, db.Tasks, db.TaskTeams);
        return instances.Where(i => tasks.Any(t => t.InstanceId == i.Id));
    }

    /// <summary>404 for an instance that does not exist, 403 for one the user may not read.</summary>
    public static async Task RequireReadableAsync(string id, CareFlowsDbContext db, TaskActors actors, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!await db.Instances.AnyAsync(i => i.Id == id, cancellationToken))
        {
            throw InstanceProblems.NotFound(id);
        }

        var readable = await ReadableAsync(db.Instances.AsNoTracking(), db, actors, user, cancellationToken);
        if (!await readable.AnyAsync(i => i.Id == id, cancellationToken))
        {
            throw new ForbiddenException($"Instance {id} has no task of yours or your teams'.");
        }
    }
}

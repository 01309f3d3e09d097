using System.Security.Claims;
using CareFlows.Engine.Bookmarks;
using CareFlows.Server.Features.Tasks;
using CareFlows.Server.Inbox;
using CareFlows.Server.Infrastructure;
using CareFlows.Server.Persistence;
using CareFlows.Server.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace CareFlows.Server.Features.Events.ResumeBookmark;

/// <summary>
/// Who may resume a bookmark by id. A bookmark id names its instance (<see cref="BookmarkIds"/>), so whoever knows an
/// instance's id can name its bookmarks: an instance with inbox tasks is patient work, and its bookmarks are resumed
/// only by someone who may work its tasks (<see cref="TaskAccess.CanWork"/>). The bookmark an open task waits on is
/// resumed by no one here, whatever their role: completing the task checks its claim and its form, which a resume by
/// id would skip. Instances with no inbox task belong to no team and stay open to <see cref="Auth.Policies.InstanceWrite"/>.
/// </summary>
public static class BookmarkAccess
{
    public static async Task RequireMayResumeAsync(
        string bookmarkId, CareFlowsDbContext db, TaskActors actors, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(actors);
        var instanceId = BookmarkIds.TryParse(bookmarkId, out var named, out _)
            ? named
            : await db.Bookmarks.Where(b => b.Id == bookmarkId).Select(b => b.InstanceId).FirstOrDefaultAsync(cancellationToken);
        if (instanceId is null)
        {
            // Nothing to guard: the resume answers 404.
            return;
        }

        var tasks = await db.Tasks.AsNoTracking()
            .Where(t => t.InstanceId == instanceId)
            .Select(t => new { t.Id, t.Owner, t.BookmarkId, t.Status })
            .ToListAsync(cancellationToken);
        if (tasks.Count == 0)
        {
            return;
        }

        var waiting = tasks.Find(t => t.BookmarkId == bookmarkId && InboxTaskStatus.IsOpen(t.Status));
        if (waiting is not null)
        {
            throw new ForbiddenException(
                $"Bookmark {bookmarkId} is the one task {waiting.Id} waits on: it is resumed by completing the task (POST /api/tasks/{waiting.Id}/complete).");
        }

        var ids = tasks.Select(t => t.Id).ToList();
        var teams = (await db.TaskTeams.AsNoTracking().Where(q => ids.Contains(q.TaskId)).Select(q => new { q.TaskId, q.Team }).ToListAsync(cancellationToken))
            .ToLookup(q => q.TaskId, q => q.Team, StringComparer.Ordinal);
        var actor = await actors.OfAsync(user, cancellationToken);
        var mayWork = tasks.Exists(t => TaskAccess.CanWork(actor, t.Owner, teams[t.Id]));
        if (!mayWork)
        {
            throw new ForbiddenException($"Instance {instanceId} has no task you may work: its bookmarks are resumed by its tasks' teams.");
        }
    }
}

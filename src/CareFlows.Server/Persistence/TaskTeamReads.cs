using CareFlows.Server.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace CareFlows.Server.Persistence;

/// <summary>The teams of a page of tasks, each task's in one order: the inbox and FHIR Task search show them alike.</summary>
internal static class TaskTeamReads
{
    public static async Task<Dictionary<string, IReadOnlyList<string>>> OfAsync(CareFlowsDbContext db, List<string> taskIds, CancellationToken cancellationToken)
    {
        // The page's ids go as one parameter, so that the statement is the same for every page size and its
        // translation is cached; only the two columns are read.
        var rows = await db.TaskTeams.Where(q => EF.Parameter(taskIds).Contains(q.TaskId)).Select(q => new { q.TaskId, q.Team }).ToListAsync(cancellationToken);
        var lookup = rows.ToLookup(q => q.TaskId, q => q.Team);
        return taskIds.Distinct(StringComparer.Ordinal).ToDictionary(id => id, id => InboxTaskTeamRecord.InOrder(lookup[id]));
    }
}

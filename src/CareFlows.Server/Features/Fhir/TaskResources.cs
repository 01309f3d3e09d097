using CareFlows.Server.Persistence;
using CareFlows.Server.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using FhirTask = Hl7.Fhir.Model.Task;

namespace CareFlows.Server.Features.Fhir;

/// <summary>Turns inbox tasks into FHIR Task resources, reading what they show besides their own rows in a few queries for a whole page.</summary>
public sealed class TaskResources(CareFlowsDbContext db)
{
    /// <summary>The history entries a resource shows: comments and attempts as notes, holds for the status reason.</summary>
    private static readonly string[] NoteActions = ["commented", "attempted", "held"];

    internal async Task<List<FhirTask>> ToResourcesAsync(IReadOnlyList<InboxTaskRecord> tasks, CancellationToken cancellationToken)
    {
        var ids = tasks.Select(t => t.Id).ToList();
        var taskTeams = await TaskTeamReads.OfAsync(db, ids, cancellationToken);
        var teamIds = taskTeams.Values.SelectMany(teams => teams).Distinct(StringComparer.Ordinal).ToList();
        var teamNames = await db.Teams.AsNoTracking().Where(t => teamIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Name, cancellationToken);
        // The page's ids as one parameter, as for their teams: one statement whatever the page size.
        var history = (await db.TaskHistory.AsNoTracking()
            .Where(h => EF.Parameter(ids).Contains(h.TaskId) && NoteActions.Contains(h.Action))
            .OrderBy(h => h.Id)
            .ToListAsync(cancellationToken)).ToLookup(h => h.TaskId);
        var userIds = tasks.Select(t => t.Owner).Concat(history.SelectMany(g => g).Select(h => h.Actor)).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var userNames = await db.Users.AsNoTracking()
            .Where(u => userIds.Contains(u.Id))
            .Select(u => new { u.Id, Name = u.DisplayName ?? u.Email ?? u.Id })
            .ToDictionaryAsync(u => u.Id, u => u.Name, cancellationToken);

        return [.. tasks.Select(t => TaskResourceMapper.ToFhirTask(t, new TaskResourceFacts(
            [.. taskTeams[t.Id].Select(team => (team, (string?)teamNames.GetValueOrDefault(team)))],
            userNames,
            [.. history[t.Id]])))];
    }
}

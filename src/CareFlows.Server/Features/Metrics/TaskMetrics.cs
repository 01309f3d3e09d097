using CareFlows.Server.Persistence;
using CareFlows.Server.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using static CareFlows.Server.Features.Metrics.RecordedJson;

namespace CareFlows.Server.Features.Metrics;

/// <summary>
/// Across pathways (DOMAIN §5, M11–M12): how many tasks due in the period were done late or are still open past due,
/// and who holds what now. Both can be narrowed to one pathway and one team's queue.
/// </summary>
internal sealed class TaskMetrics(CareFlowsDbContext db)
{
    private static readonly string[] Priorities = ["routine", "urgent", "asap", "stat"];

    private static readonly ItemShape SlaShape = new(
        ItemShape.At("dueAt", "Due"),
        [ItemShape.At("createdAt", "Created"), ItemShape.At("endedAt", "Ended")],
        "done by its due time");

    private static readonly ItemShape WorkloadShape = new(
        ItemShape.At("createdAt", "Created"),
        [ItemShape.At("dueAt", "Due"), ItemShape.At("completedAt", "Completed")],
        "on time: not past due, or completed by the due time");

    private static readonly MetricItemField AgeHours = new("ageHours", "Waiting for", "hours");

    /// <summary>A task as the deadline measure judged it.</summary>
    private sealed record Due(CountedItem Item, string Priority, string Pathway, bool Breached);

    public async Task<MetricFigures> SlaAsync(MetricQuery query, CancellationToken cancellationToken)
    {
        var from = query.From.UtcDateTime;
        var until = (query.To < query.Now ? query.To : query.Now).UtcDateTime;
        // A task its deadline expired is stored cancelled, but it was never done: it counts, and breached.
        var tasks = await Filtered(query)
            .Where(t => t.DueAt != null && t.DueAt >= from && t.DueAt < until)
            .Where(t => t.Status != InboxTaskStatus.Cancelled || db.TaskHistory.Any(h => h.TaskId == t.Id && h.Action == "expired"))
            .ToListAsync(cancellationToken);
        var due = tasks.ConvertAll(t =>
        {
            var breached = t.Status != InboxTaskStatus.Completed || t.EndedAt > t.DueAt;
            var item = Item(t, Utc(t.DueAt!.Value), new Dictionary<string, DateTimeOffset?> { ["createdAt"] = Utc(t.CreatedAt), ["endedAt"] = At(t.EndedAt) }, !breached);
            return new Due(item, t.Priority, t.DefinitionId, breached);
        });
        var figures = new MetricFigures(query, "task-sla", "Task deadline breaches",
                "Inbox tasks due in the period, up to now (tasks cancelled with their instance or branch left out): completed after their due time, still open past it, or expired by their deadline, count as breached.",
                SlaShape)
            .Ratio("breachRate", "completed after the due time, still open (or failed) past it, or expired", "tasks due in the period", due, d => d.Item, d => d.Breached);
        foreach (var group in due.GroupBy(d => ("priority", d.Priority)).Concat(due.GroupBy(d => ("pathway", d.Pathway))).OrderBy(g => g.Key.Item1, StringComparer.Ordinal).ThenBy(g => g.Key.Item2, StringComparer.Ordinal))
        {
            figures.Row(new MetricRow(group.Key.Item1, group.Key.Item2, new Dictionary<string, double?> { ["due"] = group.Count(), ["breached"] = group.Count(d => d.Breached) }));
        }

        return figures;
    }

    public async Task<MetricFigures> WorkloadAsync(MetricQuery query, CancellationToken cancellationToken)
    {
        var now = query.Now.UtcDateTime;
        var held = await Filtered(query)
            .Where(t => t.Owner != null && InboxTaskStatus.Open.Contains(t.Status))
            .ToListAsync(cancellationToken);
        var queued = await db.TaskTeams.AsNoTracking()
            .Where(q => q.Queued && (query.Team == null || q.Team == query.Team))
            .Join(db.Tasks.AsNoTracking().Where(t => query.Pathway == null || t.DefinitionId == query.Pathway), q => q.TaskId, t => t.Id, (q, t) => new { q.Team, Task = t })
            .ToListAsync(cancellationToken);
        var from = query.From.UtcDateTime;
        var to = query.To.UtcDateTime;
        var completed = await db.TaskHistory.AsNoTracking()
            .Where(h => h.Action == "completed" && h.Actor != null && h.At >= from && h.At < to)
            .Join(Filtered(query), h => h.TaskId, t => t.Id, (h, t) => new { Actor = h.Actor!, h.At, Task = t })
            .ToListAsync(cancellationToken);
        var days = Math.Max(1.0, (query.To - query.From).TotalDays);
        var heldItems = held.ConvertAll(t => (Owner: t.Owner!, t.PriorityRank, Overdue: t.DueAt < now,
            Item: Item(t, Utc(t.CreatedAt), new Dictionary<string, DateTimeOffset?> { ["dueAt"] = At(t.DueAt), ["completedAt"] = null }, !(t.DueAt < now), $"held by {t.Owner}, {t.Priority}")));
        var queuedItems = queued.ConvertAll(q => (q.Team, Overdue: q.Task.DueAt < now, AgeHours: (now - q.Task.CreatedAt).TotalHours,
            Item: Item(q.Task, Utc(q.Task.CreatedAt), new Dictionary<string, DateTimeOffset?> { ["dueAt"] = At(q.Task.DueAt), ["completedAt"] = null }, !(q.Task.DueAt < now), $"waiting in {q.Team}, {q.Task.Priority}")));
        var completedItems = completed.ConvertAll(c => (c.Actor,
            Item: Item(c.Task, Utc(c.Task.CreatedAt), new Dictionary<string, DateTimeOffset?> { ["dueAt"] = At(c.Task.DueAt), ["completedAt"] = Utc(c.At) }, c.Task.DueAt is not { } dueAt || c.At <= dueAt, $"completed by {c.Actor}")));

        var figures = new MetricFigures(query, "coordinator-workload", "Coordinator workload",
                $"Open tasks held by each coordinator and waiting unassigned in each team queue now; tasks completed per coordinator per day over the period. Priority weights: {string.Join(", ", Priorities.Select((p, i) => $"{p} {i + 1}"))}; a queue's age is since each task was created.",
                WorkloadShape)
            .Count("openHeld", "tasks", "open tasks held by a coordinator", heldItems, h => h.Item)
            .Count("unassigned", "tasks", "open tasks waiting in a team queue (a task in two queues counts in each)", queuedItems, q => q.Item, q => Math.Round(q.AgeHours, 1), AgeHours)
            .Count("completed", "tasks", "tasks completed in the period by a coordinator", completedItems, c => c.Item);
        var coordinators = heldItems.Select(h => h.Owner).Concat(completedItems.Select(c => c.Actor)).Distinct();
        var rows = coordinators.Select(owner => new MetricRow("coordinator", owner, new Dictionary<string, double?>
            {
                ["open"] = heldItems.Count(h => h.Owner == owner),
                ["overdue"] = heldItems.Count(h => h.Owner == owner && h.Overdue),
                ["priorityWeightedLoad"] = heldItems.Where(h => h.Owner == owner).Sum(h => h.PriorityRank + 1),
                ["completedPerDay"] = Math.Round(completedItems.Count(c => c.Actor == owner) / days, 2),
            }))
            .Concat(queuedItems.GroupBy(q => q.Team).Select(g => new MetricRow("queue", g.Key, new Dictionary<string, double?>
            {
                ["unassigned"] = g.Count(),
                ["overdue"] = g.Count(q => q.Overdue),
                ["meanAgeHours"] = Math.Round(g.Average(q => q.AgeHours), 1),
            })))
            .OrderBy(r => r.Kind, StringComparer.Ordinal).ThenBy(r => r.Key, StringComparer.Ordinal);
        foreach (var row in rows)
        {
            figures.Row(row);
        }

        return figures;
    }

    private static CountedItem Item(InboxTaskRecord task, DateTimeOffset countedAt, Dictionary<string, DateTimeOffset?> times, bool met, string? detail = null) =>
        new(task.InstanceId, task.Id, task.DefinitionId, countedAt, times, detail ?? $"{task.Priority}, {task.Status}", met,
            new MetricPatient(task.PatientId, task.PatientMrn, task.PatientName), task.Pathway);

    private static DateTimeOffset? At(DateTime? stored) => stored is { } at ? Utc(at) : null;

    private IQueryable<InboxTaskRecord> Filtered(MetricQuery query) =>
        db.Tasks.AsNoTracking()
            .Where(t => query.Pathway == null || t.DefinitionId == query.Pathway)
            .Where(t => query.Team == null || db.TaskTeams.Any(q => q.TaskId == t.Id && q.Team == query.Team));
}

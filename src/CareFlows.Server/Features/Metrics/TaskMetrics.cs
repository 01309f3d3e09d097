using CareFlows.Server.Persistence;
using CareFlows.Server.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace CareFlows.Server.Features.Metrics;

/// <summary>
/// Across pathways (DOMAIN §5, M11–M12): how many tasks due in the period were done late or are still open past due,
/// and who holds what now. Both can be narrowed to one pathway and one team's queue.
/// </summary>
internal sealed class TaskMetrics(CareFlowsDbContext db)
{
    private static readonly string[] Priorities = ["routine", "urgent", "asap", "stat"];

    public async Task<MetricResult> SlaAsync(MetricQuery query, CancellationToken cancellationToken)
    {
        var from = query.From.UtcDateTime;
        var until = (query.To < query.Now ? query.To : query.Now).UtcDateTime;
        // A task its deadline expired is stored cancelled, but it was never done: it counts, and breached.
        var tasks = await Filtered(query)
            .Where(t => t.DueAt != null && t.DueAt >= from && t.DueAt < until)
            .Where(t => t.Status != InboxTaskStatus.Cancelled || db.TaskHistory.Any(h => h.TaskId == t.Id && h.Action == "expired"))
            .Select(t => new { t.DefinitionId, t.Priority, t.Status, t.DueAt, t.EndedAt })
            .ToListAsync(cancellationToken);
        bool Breached(DateTime? due, string status, DateTime? ended) => status == InboxTaskStatus.Completed ? ended > due : true;
        var breached = tasks.Count(t => Breached(t.DueAt, t.Status, t.EndedAt));
        var rows = tasks.GroupBy(t => ("priority", t.Priority)).Concat(tasks.GroupBy(t => ("pathway", t.DefinitionId)))
            .Select(g => new MetricRow(g.Key.Item1, g.Key.Item2, new Dictionary<string, double?>
            {
                ["due"] = g.Count(),
                ["breached"] = g.Count(t => Breached(t.DueAt, t.Status, t.EndedAt)),
            }))
            .OrderBy(r => r.Kind, StringComparer.Ordinal).ThenBy(r => r.Key, StringComparer.Ordinal)
            .ToList();
        return query.Result("task-sla", "Task deadline breaches",
            "Inbox tasks due in the period, up to now (tasks cancelled with their instance or branch left out): completed after their due time, still open past it, or expired by their deadline, count as breached.",
            [new MetricRatio("breachRate", "completed after the due time, still open (or failed) past it, or expired", breached, "tasks due in the period", tasks.Count)],
            new Dictionary<string, MetricMeasure>(), rows);
    }

    public async Task<MetricResult> WorkloadAsync(MetricQuery query, CancellationToken cancellationToken)
    {
        var now = query.Now.UtcDateTime;
        var held = await Filtered(query)
            .Where(t => t.Owner != null && InboxTaskStatus.Open.Contains(t.Status))
            .Select(t => new { t.Owner, t.DueAt, t.PriorityRank })
            .ToListAsync(cancellationToken);
        var queued = await db.TaskTeams.AsNoTracking()
            .Where(q => q.Queued && (query.Team == null || q.Team == query.Team) && (query.Pathway == null || db.Tasks.Any(t => t.Id == q.TaskId && t.DefinitionId == query.Pathway)))
            .Select(q => new { q.Team, q.DueAt, Created = db.Tasks.Where(t => t.Id == q.TaskId).Select(t => t.CreatedAt).First() })
            .ToListAsync(cancellationToken);
        var from = query.From.UtcDateTime;
        var to = query.To.UtcDateTime;
        var tasks = Filtered(query);
        var completed = await db.TaskHistory.AsNoTracking()
            .Where(h => h.Action == "completed" && h.Actor != null && h.At >= from && h.At < to)
            .Where(h => tasks.Any(t => t.Id == h.TaskId))
            .GroupBy(h => h.Actor!)
            .Select(g => new { Actor = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var days = Math.Max(1.0, (query.To - query.From).TotalDays);
        var rows = held.GroupBy(t => t.Owner!)
            .Select(g => new MetricRow("coordinator", g.Key, new Dictionary<string, double?>
            {
                ["open"] = g.Count(),
                ["overdue"] = g.Count(t => t.DueAt < now),
                ["priorityWeightedLoad"] = g.Sum(t => t.PriorityRank + 1),
                ["completedPerDay"] = Math.Round((completed.FirstOrDefault(c => c.Actor == g.Key)?.Count ?? 0) / days, 2),
            }))
            .Concat(completed.Where(c => held.All(t => t.Owner != c.Actor)).Select(c => new MetricRow("coordinator", c.Actor, new Dictionary<string, double?>
            {
                ["open"] = 0, ["overdue"] = 0, ["priorityWeightedLoad"] = 0, ["completedPerDay"] = Math.Round(c.Count / days, 2),
            })))
            .Concat(queued.GroupBy(q => q.Team).Select(g => new MetricRow("queue", g.Key, new Dictionary<string, double?>
            {
                ["unassigned"] = g.Count(),
                ["overdue"] = g.Count(q => q.DueAt < now),
                ["meanAgeHours"] = Math.Round(g.Average(q => (now - q.Created).TotalHours), 1),
            })))
            .OrderBy(r => r.Kind, StringComparer.Ordinal).ThenBy(r => r.Key, StringComparer.Ordinal)
            .ToList();
        return query.Result("coordinator-workload", "Coordinator workload",
            $"Open tasks held by each coordinator and waiting unassigned in each team queue now; tasks completed per coordinator per day over the period. Priority weights: {string.Join(", ", Priorities.Select((p, i) => $"{p} {i + 1}"))}; a queue's age is since each task was created.",
            [],
            new Dictionary<string, MetricMeasure>
            {
                ["openHeld"] = new(held.Count, "tasks", "open tasks held by a coordinator"),
                ["unassigned"] = new(queued.Count, "tasks", "open tasks waiting in a team queue (a task in two queues counts in each)"),
                ["completed"] = new(completed.Sum(c => c.Count), "tasks", "tasks completed in the period by a coordinator"),
            },
            rows);
    }

    private IQueryable<InboxTaskRecord> Filtered(MetricQuery query) =>
        db.Tasks.AsNoTracking()
            .Where(t => query.Pathway == null || t.DefinitionId == query.Pathway)
            .Where(t => query.Team == null || db.TaskTeams.Any(q => q.TaskId == t.Id && q.Team == query.Team));
}

using CareFlows.Engine.Activities.Tasks;
using CareFlows.Server.Inbox;
using CareFlows.Server.Infrastructure;
using CareFlows.Server.Persistence;
using CareFlows.Server.Persistence.Configurations;
using CareFlows.Server.Persistence.Entities;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Mvc;

namespace CareFlows.Server.Features.Tasks;

/// <summary>An inbox query, bound from the query string.</summary>
/// <param name="Queue">mine (open tasks the user holds, the default), team (unclaimed tasks of the user's teams), or all (every task the user may see).</param>
/// <param name="Team">With queue=team, one of the user's teams only.</param>
/// <param name="Pathway">Tasks of this definition.</param>
/// <param name="Priority">routine, urgent, asap or stat.</param>
/// <param name="Patient">Tasks of the patient with this id or MRN.</param>
/// <param name="Status">ready, in-progress, on-hold, completed, cancelled or failed; open tasks when absent.</param>
/// <param name="DueBefore">Due before this time.</param>
/// <param name="Overdue">Only tasks whose due time has passed.</param>
/// <param name="FollowUpReached">Only tasks whose follow-up time has come.</param>
/// <param name="Sort">due (soonest first, the default) or priority (highest first, then soonest).</param>
/// <param name="Page">1-based page number.</param>
/// <param name="PageSize">Tasks per page, at most 200.</param>
public sealed record ListTasksQuery(
    [FromQuery(Name = "queue")] string? Queue,
    [FromQuery(Name = "team")] string? Team,
    [FromQuery(Name = "pathway")] string? Pathway,
    [FromQuery(Name = "priority")] string? Priority,
    [FromQuery(Name = "patient")] string? Patient,
    [FromQuery(Name = "status")] string? Status,
    [FromQuery(Name = "dueBefore")] DateTimeOffset? DueBefore,
    [FromQuery(Name = "overdue")] bool? Overdue,
    [FromQuery(Name = "followUpReached")] bool? FollowUpReached,
    [FromQuery(Name = "sort")] string? Sort,
    [FromQuery(Name = "page")] int? Page,
    [FromQuery(Name = "pageSize")] int? PageSize)
{
    public const int MaxPageSize = 200;

    public static readonly IReadOnlyList<string> Queues = ["mine", "team", "all"];

    public static readonly IReadOnlyList<string> Sorts = ["due", "priority"];

    public static readonly IReadOnlyList<string> Statuses =
        [InboxTaskStatus.Ready, InboxTaskStatus.InProgress, InboxTaskStatus.OnHold, InboxTaskStatus.Completed, InboxTaskStatus.Cancelled, InboxTaskStatus.Failed];

    public int PageNumber => Page ?? 1;

    public int Size => PageSize ?? 50;

    /// <summary>The tasks of the queue the actor asked for that pass the filters, in the order asked for.</summary>
    public IQueryable<InboxTaskRecord> Apply(CareFlowsDbContext db, TaskActor actor, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(actor);
        if (OneTeamQueue(actor) is { } queueTeam)
        {
            // One team's queue is read in the order of its index (see InboxTaskTeamRecord), then joined to its tasks.
            var queue = db.TaskTeams.Where(q => q.Team == queueTeam && q.Queued).Join(Filter(Visible(db, actor, queueTeam), now), q => q.TaskId, t => t.Id, (q, t) => new { Queue = q, Task = t });
            return Sort == "priority"
                ? queue.OrderByDescending(x => x.Queue.PriorityRank).ThenBy(x => x.Queue.DueAt).ThenBy(x => x.Queue.TaskId).Select(x => x.Task)
                : queue.OrderBy(x => x.Queue.DueAt).ThenBy(x => x.Queue.TaskId).Select(x => x.Task);
        }

        var tasks = Filter(Visible(db, actor, null), now);
        // Tasks without a due time come last, then the id keeps pages stable.
        return Sort == "priority"
            ? tasks.OrderByDescending(t => t.PriorityRank).ThenBy(t => t.DueAt == null).ThenBy(t => t.DueAt).ThenBy(t => t.Id)
            : tasks.OrderBy(t => t.DueAt == null).ThenBy(t => t.DueAt).ThenBy(t => t.Id);
    }

    /// <summary>
    /// How many tasks <see cref="Apply"/> finds. A team's queue with no filter on the task itself is counted from its
    /// queue rows alone, one index range, rather than by joining each waiting task.
    /// </summary>
    public Task<int> CountAsync(CareFlowsDbContext db, TaskActor actor, DateTime now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(actor);
        if (OneTeamQueue(actor) is not { } queueTeam || Pathway is not null || Patient is not null || FollowUpReached == true
            || Status is not (null or InboxTaskStatus.Ready) || !TaskAccess.ReadsQueueOf(actor, queueTeam))
        {
            return Apply(db, actor, now).CountAsync(cancellationToken);
        }

        var queue = db.TaskTeams.Where(q => q.Team == queueTeam && q.Queued);
        if (Priority is { } priority)
        {
            var rank = HumanTask.PriorityRank(priority);
            queue = queue.Where(q => q.PriorityRank == rank);
        }

        if (DueBefore?.UtcDateTime is { } dueBefore)
        {
            queue = queue.Where(q => q.DueAt < dueBefore);
        }

        if (Overdue == true)
        {
            queue = queue.Where(q => q.DueAt < now);
        }

        return queue.CountAsync(cancellationToken);
    }

    /// <summary>The team whose queue alone is asked for, when it is one team's.</summary>
    private string? OneTeamQueue(TaskActor actor) =>
        Queue != "team" ? null : Team ?? (actor.Teams.Count == 1 ? actor.Teams.First() : null);

    /// <summary>What the actor may see of the queue asked for, before the filters.</summary>
    private IQueryable<InboxTaskRecord> Visible(CareFlowsDbContext db, TaskActor actor, string? queueTeam)
    {
        // Where the whole queue is the actor's to read, the per-task check would only repeat the queue's own condition.
        IQueryable<InboxTaskRecord> Readable(bool wholeQueue) => wholeQueue ? db.Tasks : TaskAccess.Readable(actor, db.Tasks, db.TaskTeams);
        if (queueTeam is not null)
        {
            return Readable(TaskAccess.ReadsQueueOf(actor, queueTeam));
        }

        var queue = Queue ?? "mine";
        if (queue == "mine")
        {
            return Readable(TaskAccess.ReadsOwnTasks(actor)).Where(t => t.Owner == actor.UserId);
        }

        var tasks = Readable(wholeQueue: false);
        var teams = Team is { } team ? [team] : actor.Teams.ToList();
        return queue switch
        {
            "team" => tasks.Where(t => db.TaskTeams.Any(q => q.TaskId == t.Id && teams.Contains(q.Team) && q.Queued)),
            _ when Team is not null => tasks.Where(t => db.TaskTeams.Any(q => q.TaskId == t.Id && teams.Contains(q.Team))),
            _ => tasks,
        };
    }

    /// <summary>The filters asked for, on the tasks themselves.</summary>
    private IQueryable<InboxTaskRecord> Filter(IQueryable<InboxTaskRecord> tasks, DateTime now)
    {
        tasks = Status is { } status ? tasks.Where(t => t.Status == status) : tasks.Where(t => InboxTaskStatus.Open.Contains(t.Status));
        if (Pathway is { } pathway)
        {
            tasks = tasks.Where(t => t.DefinitionId == pathway);
        }

        if (Priority is { } priority)
        {
            tasks = tasks.Where(t => t.Priority == priority);
        }

        if (Patient is { } patient)
        {
            tasks = tasks.Where(t => t.PatientId == patient || t.PatientMrn == patient);
        }

        if (DueBefore?.UtcDateTime is { } dueBefore)
        {
            tasks = tasks.Where(t => t.DueAt < dueBefore);
        }

        if (Overdue == true)
        {
            tasks = tasks.Where(t => t.DueAt < now);
        }

        if (FollowUpReached == true)
        {
            tasks = tasks.Where(t => t.FollowUpAt <= now);
        }

        return tasks;
    }
}

internal sealed class ListTasksQueryValidator : AbstractValidator<ListTasksQuery>
{
    public ListTasksQueryValidator()
    {
        RuleFor(q => q.Queue).Must(v => v is null || ListTasksQuery.Queues.Contains(v)).WithMessage($"'{{PropertyName}}' must be one of {string.Join(", ", ListTasksQuery.Queues)}.");
        RuleFor(q => q.Sort).Must(v => v is null || ListTasksQuery.Sorts.Contains(v)).WithMessage($"'{{PropertyName}}' must be one of {string.Join(", ", ListTasksQuery.Sorts)}.");
        RuleFor(q => q.Status).Must(v => v is null || ListTasksQuery.Statuses.Contains(v)).WithMessage($"'{{PropertyName}}' must be one of {string.Join(", ", ListTasksQuery.Statuses)}.");
        RuleFor(q => q.Priority).Must(v => v is null || HumanTask.Priorities.Contains(v)).WithMessage($"'{{PropertyName}}' must be one of {string.Join(", ", HumanTask.Priorities)}.");
        RuleFor(q => q.Team).MaximumLength(ColumnSizes.Key).WithoutControlCharacters();
        RuleFor(q => q.Pathway).MaximumLength(ColumnSizes.DefinitionId).WithoutControlCharacters();
        RuleFor(q => q.Patient).MaximumLength(ColumnSizes.Key).WithoutControlCharacters();
        RuleFor(q => q.Page).InclusiveBetween(1, 100_000);
        RuleFor(q => q.PageSize).InclusiveBetween(1, ListTasksQuery.MaxPageSize);
    }
}

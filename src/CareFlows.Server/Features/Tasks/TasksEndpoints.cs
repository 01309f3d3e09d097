using System.Security.Claims;
using System.Text.Json.Nodes;
using CareFlows.Server.Auth;
using CareFlows.Server.Features.Teams;
using CareFlows.Server.Inbox;
using CareFlows.Server.Infrastructure;
using CareFlows.Server.Persistence;
using CareFlows.Server.Persistence.Configurations;
using CareFlows.Server.Persistence.Entities;
using CareFlows.Server.Runtime;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CareFlows.Server.Features.Tasks;

/// <summary>
/// The coordinators' inbox: queues and filters, a task with its history, and what people do to tasks — claim,
/// unclaim, reassign, delegate, hold, comment, log an outreach attempt, complete. Who may see and do what is
/// <see cref="TaskAccess"/>'s to say; every change goes through the runtime's writer with its instance.
/// </summary>
public static class TasksEndpoints
{
    private const string TaskEntity = "task";

    public static IEndpointRouteBuilder MapTasks(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/tasks").WithTags("Inbox").RequireAuthorization(Policies.Inbox);
        group.MapGet("", List).WithName("ListTasks")
            .WithSummary("Lists the user's tasks, their teams' unclaimed tasks, or every task they may see, filtered, sorted and paged.")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status422UnprocessableEntity)
            .AuditsReads<TaskPageResponse>((context, page) =>
                ReadAuditing.Read("task.search", TaskEntity, null, context, found: ReadAuditing.Found(page.Total, page.Items.Select(t => t.Patient?.Id))));
        group.MapGet("/counts", Counts).WithName("CountTasks")
            .WithSummary("Counts the tasks waiting in each of the user's queues.");
        group.MapGet("/{id}", Get).WithName("GetTask")
            .WithSummary("Reads a task.")
            .ProducesProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound)
            .AuditsReads<TaskResponse>((context, task) => ReadAuditing.Read("task.read", TaskEntity, task.Id, context, task.Patient?.Id) with { InstanceId = task.InstanceId });
        group.MapGet("/{id}/history", History).WithName("GetTaskHistory")
            .WithSummary("Reads every change in a task's life, oldest first, with who made it and when.")
            .ProducesProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound)
            .AuditsReads<List<TaskHistoryResponse>>((context, _) => ReadAuditing.Read("task.read-history", TaskEntity, context.GetRouteValue("id")?.ToString(), context));
        // Auditors read tasks and change none: the changes ask for a policy that leaves them out, whatever the task.
        var work = group.MapGroup("").RequireAuthorization(Policies.InboxWork);
        work.MapPost("/{id}/claim", Claim).WithName("ClaimTask").WithSummary("Takes a task from its team queue; it becomes the user's, in progress.").ProducesTaskProblems();
        work.MapPost("/{id}/unclaim", Unclaim).WithName("UnclaimTask").WithSummary("Gives a claimed task back to its team queues.").ProducesTaskProblems();
        work.MapPost("/{id}/reassign", Reassign).WithName("ReassignTask").WithSummary("Passes a task to a person or to a team's queue.").ProducesTaskProblems();
        work.MapPost("/{id}/delegate", Delegate).WithName("DelegateTask").WithSummary("Hands the user's own task to a colleague.").ProducesTaskProblems();
        work.MapPost("/{id}/hold", Hold).WithName("HoldTask").WithSummary("Puts a task on hold.").ProducesTaskProblems();
        work.MapPost("/{id}/release", Release).WithName("ReleaseTask").WithSummary("Releases a task from hold.").ProducesTaskProblems();
        work.MapPost("/{id}/comments", Comment).WithName("CommentTask").WithSummary("Adds a comment to a task's history.").ProducesTaskProblems();
        work.MapPost("/{id}/attempts", Attempt).WithName("LogTaskAttempt").WithSummary("Logs an outreach attempt: when, channel, result, note.").ProducesTaskProblems();
        work.MapPost("/{id}/complete", Complete).WithName("CompleteTask")
            .WithSummary("Completes a task with an outcome and its form's data; its workflow resumes in the same transaction, exactly once.")
            .ProducesTaskProblems();
        return routes;
    }

    public static async Task<Ok<TaskPageResponse>> List(
        [AsParameters] ListTasksQuery query, IValidator<ListTasksQuery> validator, HttpContext http, TaskActors actors,
        CareFlowsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        await validator.ValidateAndThrowAsync(query, cancellationToken);
        var actor = await actors.OfAsync(http.User, cancellationToken);
        if (query.Team is { } team && !actor.Teams.Contains(team) && !TaskAccess.ReadsAll(actor))
        {
            throw new ForbiddenException($"You are not a member of team '{team}'.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var matching = query.Apply(db, actor, now).AsNoTracking();
        var total = await query.CountAsync(db, actor, now, cancellationToken);
        var page = await matching.Skip((query.PageNumber - 1) * query.Size).Take(query.Size).ToListAsync(cancellationToken);
        var teams = await TaskTeamReads.OfAsync(db, page.Select(t => t.Id).ToList(), cancellationToken);
        var items = page.ConvertAll(t => t.ToResponse(teams[t.Id], now, TaskAccess.GrantReadThrough(actor, t.Owner, teams[t.Id], t.PatientId)));
        FlagBreakGlassReads(http, items.Select(t => t.Access).OfType<TaskAccessResponse>().Select(a => a.Reason));
        return TypedResults.Ok(new TaskPageResponse(items, total, query.PageNumber, query.Size));
    }

    public static async Task<Ok<TaskCountsResponse>> Counts(ClaimsPrincipal user, TaskActors actors, CareFlowsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var actor = await actors.OfAsync(user, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var mine = db.Tasks.Where(t => t.Owner == actor.UserId && InboxTaskStatus.Open.Contains(t.Status));
        var teams = actor.Teams.ToList();
        var perTeam = await db.TaskTeams
            .Where(q => teams.Contains(q.Team) && q.Queued)
            .GroupBy(q => q.Team)
            .Select(g => new { Team = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Team, g => g.Count, cancellationToken);
        // Both of the user's counts in one pass over their tasks.
        var own = await mine.GroupBy(_ => 1).Select(g => new { All = g.Count(), Overdue = g.Count(t => t.DueAt < now) }).SingleOrDefaultAsync(cancellationToken);
        return TypedResults.Ok(new TaskCountsResponse(own?.All ?? 0, own?.Overdue ?? 0, teams.ToDictionary(t => t, t => perTeam.GetValueOrDefault(t))));
    }

    public static async Task<Ok<TaskResponse>> Get(string id, HttpContext http, TaskActors actors, WorkflowRuntime runtime, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (task, teams, grant) = await ReadableAsync(id, http, actors, runtime, cancellationToken);
        return TypedResults.Ok(task.ToResponse(teams, clock.GetUtcNow().UtcDateTime, grant));
    }

    public static async Task<Ok<List<TaskHistoryResponse>>> History(
        string id, HttpContext http, TaskActors actors, WorkflowRuntime runtime, CareFlowsDbContext db, CancellationToken cancellationToken)
    {
        await ReadableAsync(id, http, actors, runtime, cancellationToken);
        var history = await db.TaskHistory.AsNoTracking().Where(h => h.TaskId == id).OrderBy(h => h.Id).ToListAsync(cancellationToken);
        return TypedResults.Ok(history.Select(h => h.ToResponse()).ToList());
    }

    public static Task<Ok<TaskResponse>> Claim(string id, TaskRequestContext context) =>
        context.RunAsync(id, (runtime, requester, ct) => runtime.ClaimTaskAsync(id, requester, ct));

    public static Task<Ok<TaskResponse>> Unclaim(string id, TaskRequestContext context) =>
        context.RunAsync(id, (runtime, requester, ct) => runtime.UnclaimTaskAsync(id, requester, ct));

    public static async Task<Ok<TaskResponse>> Reassign(string id, ReassignTaskRequest request, TaskRequestContext context, UserManager<CareFlowsUser> users, TeamMembership membership)
    {
        ArgumentNullException.ThrowIfNull(request);
        if ((request.User is null) == (request.Team is null))
        {
            throw new UnprocessableException("Name either a user or a team.", new Dictionary<string, string[]> { ["$.user"] = ["Name either a user or a team, not both."] });
        }

        if (request.User is { } userId)
        {
            await RequireActiveUserAsync(users, userId, "$.user");
        }

        if (request.Team is { } team && (await membership.UnknownTeamsAsync([team], context.CancellationToken)).Count > 0)
        {
            throw new UnprocessableException("The team does not exist.", new Dictionary<string, string[]> { ["$.team"] = [$"There is no team '{team}'."] });
        }

        return await context.RunAsync(id, (runtime, requester, ct) => runtime.ReassignTaskAsync(id, requester, request.User, request.Team, delegating: false, ct));
    }

    public static async Task<Ok<TaskResponse>> Delegate(string id, DelegateTaskRequest request, TaskRequestContext context, UserManager<CareFlowsUser> users)
    {
        ArgumentNullException.ThrowIfNull(request);
        await RequireActiveUserAsync(users, request.User, "$.user");
        return await context.RunAsync(id, (runtime, requester, ct) => runtime.ReassignTaskAsync(id, requester, request.User, null, delegating: true, ct));
    }

    public static Task<Ok<TaskResponse>> Hold(string id, HoldTaskRequest? request, TaskRequestContext context) =>
        context.RunAsync(id, (runtime, requester, ct) => runtime.HoldTaskAsync(id, requester, hold: true, Text(request?.Reason, "$.reason"), ct));

    public static Task<Ok<TaskResponse>> Release(string id, TaskRequestContext context) =>
        context.RunAsync(id, (runtime, requester, ct) => runtime.HoldTaskAsync(id, requester, hold: false, null, ct));

    public static Task<Ok<TaskResponse>> Comment(string id, CommentTaskRequest request, TaskRequestContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        var text = Text(request.Text, "$.text") ?? throw Required("$.text", "'text' is required.");
        return context.RunAsync(id, (runtime, requester, ct) => runtime.NoteTaskAsync(id, requester, "commented", new JsonObject { ["text"] = text }, ct));
    }

    public static Task<Ok<TaskResponse>> Attempt(string id, TaskAttemptRequest request, TaskRequestContext context, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Channel is null || !TaskAttemptRequest.Channels.Contains(request.Channel))
        {
            throw Required("$.channel", $"'channel' must be one of {string.Join(", ", TaskAttemptRequest.Channels)}.");
        }

        if (request.Result is null || !TaskAttemptRequest.Results.Contains(request.Result))
        {
            throw Required("$.result", $"'result' must be one of {string.Join(", ", TaskAttemptRequest.Results)}.");
        }

        var details = new JsonObject
        {
            ["at"] = (request.At ?? clock.GetUtcNow()).ToUniversalTime(),
            ["channel"] = request.Channel,
            ["result"] = request.Result,
            ["note"] = Text(request.Note, "$.note"),
        };
        return context.RunAsync(id, (runtime, requester, ct) => runtime.NoteTaskAsync(id, requester, "attempted", details, ct));
    }

    /// <summary>
    /// 200 with the completed task; 422 with every field error by JSON path, nothing changed; 409 when it is no longer
    /// open. The form is checked in the completion's own transaction, on the task as it reads it there.
    /// </summary>
    public static Task<Ok<TaskResponse>> Complete(string id, CompleteTaskRequest request, TaskRequestContext context, TaskFormValidators validators)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(validators);
        return context.RunAsync(id, (runtime, requester, ct) => runtime.CompleteTaskAsync(id, requester, request.Outcome, request.Data, validators.Check, ct));
    }

    /// <summary>
    /// The task, its teams and the break-the-glass grant the user reads it through (null when it is theirs to read
    /// anyway), when the user may read it: 404 when there is none, 403 when it is not theirs to see.
    /// </summary>
    public static async Task<(InboxTaskRecord Task, IReadOnlyList<string> Teams, PatientGrant? Grant)> ReadableAsync(
        string id, HttpContext http, TaskActors actors, WorkflowRuntime runtime, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(runtime);
        var (task, teams) = await runtime.ReadTaskAsync(id) ?? throw new NotFoundException($"Task {id} does not exist.");
        var actor = await actors.OfAsync(http.User, cancellationToken);
        if (!TaskAccess.CanRead(actor, task.Owner, teams, task.PatientId))
        {
            throw new ForbiddenException("The task is neither yours nor your teams'. To read it in an emergency, break the glass for its patient, stating why.");
        }

        var grant = TaskAccess.GrantReadThrough(actor, task.Owner, teams, task.PatientId);
        FlagBreakGlassReads(http, grant is null ? [] : [grant.Reason]);
        return (task, teams, grant);
    }

    /// <summary>
    /// Flags the request's read in the audit log as made through break-the-glass access, with the reasons given, when
    /// it showed anything only through a grant. A page of tasks may show several patients' through grants of their own:
    /// their reasons are all kept, as far as the record's reason holds.
    /// </summary>
    private static void FlagBreakGlassReads(HttpContext http, IEnumerable<string> reasons)
    {
        var given = reasons.Distinct(StringComparer.Ordinal).ToList();
        if (given.Count == 0)
        {
            return;
        }

        var joined = string.Join("\n", given);
        http.Items[ReadAuditing.BreakGlassReasonItem] = joined.Length <= ColumnSizes.Text ? joined : string.Concat(joined.AsSpan(0, ColumnSizes.Text - 1), "…");
    }

    private static async Task RequireActiveUserAsync(UserManager<CareFlowsUser> users, string? userId, string path)
    {
        if (string.IsNullOrWhiteSpace(userId))
        {
            throw Required(path, "'user' is required.");
        }

        var user = await users.FindByIdAsync(userId);
        if (user is null || user.DeactivatedAt is not null)
        {
            throw new UnprocessableException("The user does not exist or is deactivated.", new Dictionary<string, string[]> { [path] = [$"There is no active user '{userId}'."] });
        }
    }

    private static string? Text(string? text, string path)
    {
        if (text is null)
        {
            return null;
        }

        return text.Length > ColumnSizes.Text * 4
            ? throw Required(path, $"'{path[2..]}' must be at most {ColumnSizes.Text * 4} characters.")
            : string.IsNullOrWhiteSpace(text) ? null : text;
    }

    private static UnprocessableException Required(string path, string message) =>
        new(message, new Dictionary<string, string[]> { [path] = [message] });

    private static RouteHandlerBuilder ProducesTaskProblems(this RouteHandlerBuilder builder) => builder.ProducesProblems(
        StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);
}

using CareFlows.Server.Auth;
using CareFlows.Server.Persistence.Entities;

namespace CareFlows.Server.Inbox;

/// <summary>
/// Who asks about an inbox task, as their sign-in says: a request that changes a task reads their teams with the task,
/// so that membership and task are weighed as of the same moment.
/// </summary>
public record TaskRequester(string UserId, IReadOnlySet<string> Roles)
{
    public bool IsAdmin => Roles.Contains(Auth.Roles.Admin);

    public TaskActor WithTeams(IReadOnlySet<string> teams) => new(UserId, Roles, teams);
}

/// <summary>
/// Who is asking about inbox tasks: the user, what their roles allow, the teams they belong to, and the patients whose
/// tasks they may read for now by break-the-glass access (none unless asked for).
/// </summary>
public sealed record TaskActor(string UserId, IReadOnlySet<string> Roles, IReadOnlySet<string> Teams) : TaskRequester(UserId, Roles)
{
    /// <summary>The patients the actor broke the glass for, each with the running grant that lets them read its tasks.</summary>
    public IReadOnlyDictionary<string, PatientGrant> Grants { get; init; } = new Dictionary<string, PatientGrant>();
}

/// <summary>A running break-the-glass grant for one patient: its id, the reason given for it, and when it ends.</summary>
public sealed record PatientGrant(string Id, string Reason, DateTime ExpiresAt);

/// <summary>
/// Who may see and work which inbox task — the one place that says so, used by the inbox's queries and by every
/// request that changes a task. Coordinators see and work the tasks of their teams and the tasks assigned to them;
/// auditors read every task; administrators read and work every task; clinical leads design pathways and see no
/// patient data, so no task. A coordinator who broke the glass for a patient reads that patient's tasks, for a while,
/// but works only their own and their teams'.
/// </summary>
public static class TaskAccess
{
    /// <summary>Whether the actor may read every task, whoever it belongs to.</summary>
    public static bool ReadsAll(TaskActor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.IsAdmin || actor.Roles.Contains(Roles.Auditor);
    }

    /// <summary>Whether the actor may use the inbox at all (read tasks, with their patient data).</summary>
    public static bool UsesInbox(TaskActor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return ReadsAll(actor) || actor.Roles.Contains(Roles.Coordinator);
    }

    /// <summary>Whether the actor may read the task with this owner and these teams, for this patient.</summary>
    public static bool CanRead(TaskActor actor, string? owner, IEnumerable<string> teams, string? patientId = null) =>
        ReadsAll(actor) || CanWork(actor, owner, teams) || ThroughGrant(actor, patientId);

    /// <summary>
    /// The grant through which the actor reads the task, when they read it only because they broke the glass for its
    /// patient (such reads are flagged); null when the task is theirs to read anyway.
    /// </summary>
    public static PatientGrant? GrantReadThrough(TaskActor actor, string? owner, IEnumerable<string> teams, string? patientId) =>
        !ReadsAll(actor) && !CanWork(actor, owner, teams) && ThroughGrant(actor, patientId) ? actor.Grants[patientId!] : null;

    private static bool ThroughGrant(TaskActor actor, string? patientId) =>
        patientId is not null && actor.Roles.Contains(Roles.Coordinator) && actor.Grants.ContainsKey(patientId);

    /// <summary>
    /// The tasks the actor may read, as a database query: <see cref="CanRead"/> for a search, so that a page of results
    /// holds only tasks a read by id would show. Keep the two in step.
    /// </summary>
    public static IQueryable<InboxTaskRecord> Readable(TaskActor actor, IQueryable<InboxTaskRecord> tasks, IQueryable<InboxTaskTeamRecord> taskTeams)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (ReadsAll(actor))
        {
            return tasks;
        }

        if (!actor.Roles.Contains(Roles.Coordinator))
        {
            return tasks.Where(_ => false);
        }

        var userId = actor.UserId;
        var teams = actor.Teams.ToList();
        if (actor.Grants.Count == 0)
        {
            return tasks.Where(t => t.Owner == userId || taskTeams.Any(q => q.TaskId == t.Id && teams.Contains(q.Team)));
        }

        var patients = actor.Grants.Keys.ToList();
        return tasks.Where(t => t.Owner == userId || taskTeams.Any(q => q.TaskId == t.Id && teams.Contains(q.Team)) || patients.Contains(t.PatientId!));
    }

    /// <summary>
    /// Whether the actor may read every task in this team's queue, so that a query of the queue needs no per-task
    /// <see cref="Readable"/> check: <see cref="CanRead"/> for a task of that team that nobody holds yet.
    /// </summary>
    public static bool ReadsQueueOf(TaskActor actor, string team) => CanRead(actor, owner: null, [team]);

    /// <summary>
    /// Whether the actor may read every task they hold, so that "my tasks" needs no per-task <see cref="Readable"/>
    /// check: <see cref="CanRead"/> for a task of theirs in no team.
    /// </summary>
    public static bool ReadsOwnTasks(TaskActor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return CanRead(actor, actor.UserId, []);
    }

    /// <summary>Whether the actor may work the task: claim it, complete it, comment, log an attempt, pass it on.</summary>
    public static bool CanWork(TaskActor actor, string? owner, IEnumerable<string> teams)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(teams);
        if (actor.IsAdmin)
        {
            return true;
        }

        return actor.Roles.Contains(Roles.Coordinator) && (owner == actor.UserId || teams.Any(actor.Teams.Contains));
    }
}

using System.Text.Json.Nodes;
using CareFlows.Engine.Bookmarks;
using CareFlows.Engine.Execution;
using CareFlows.Server.Inbox;
using CareFlows.Server.Infrastructure;
using CareFlows.Server.Persistence;
using CareFlows.Server.Runtime.Work;
using CareFlows.Server.Runtime.Work.Tasks;
using Microsoft.EntityFrameworkCore;

namespace CareFlows.Server.Runtime;

/// <summary>
/// The durable runtime's entry point, used by the API, the timer jobs and the load harness alike: start an
/// instance, resume a bookmark, cancel, publish an event. Each call returns once its burst has committed.
/// </summary>
public sealed class WorkflowRuntime
{
    private readonly BurstPipeline _pipeline;
    private readonly IServiceScopeFactory _scopes;

    internal WorkflowRuntime(BurstPipeline pipeline, WorkflowCatalog catalog, IServiceScopeFactory scopes)
    {
        _pipeline = pipeline;
        _scopes = scopes;
        Catalog = catalog;
    }

    public WorkflowCatalog Catalog { get; }

    /// <summary>
    /// Starts an instance of the definition's published version; <paramref name="version"/>, when given, must be that
    /// version. Throws <see cref="NotFoundException"/> for an unknown definition and <see cref="ConflictException"/> when
    /// the definition (or that version) is not published: a draft may still change, and a retired version starts nothing.
    /// </summary>
    public async Task<InstanceSnapshot> StartAsync(string definitionId, int? version, StartRequest request, CancellationToken cancellationToken = default)
    {
        var workflow = await Catalog.FindPublishedAsync(definitionId, cancellationToken);
        if (workflow is null || (version is { } v && v != workflow.Version))
        {
            if (!await Catalog.ExistsAsync(definitionId, version, cancellationToken))
            {
                throw new NotFoundException(version is null ? $"Definition '{definitionId}' does not exist." : $"Definition '{definitionId}' has no version {version}.");
            }

            throw workflow is null
                ? NotPublished(definitionId)
                : new ConflictException($"Version {version} of '{definitionId}' is not published; only the published version, {workflow.Version}, starts new instances.");
        }

        try
        {
            return await StartAsync(workflow, request, cancellationToken);
        }
        catch (ConflictException) when (version is null)
        {
            // The version cached as published was retired, on this or another node; another may be published now.
            Catalog.ForgetPublished(definitionId);
            var current = await Catalog.FindPublishedAsync(definitionId, cancellationToken) ?? throw NotPublished(definitionId);
            return await StartAsync(current, request, cancellationToken);
        }
    }

    private static ConflictException NotPublished(string definitionId) =>
        new($"Definition '{definitionId}' has no published version: publish it first (it is a draft, or it was retired).");

    /// <summary>
    /// Records <paramref name="change"/>, which changed nothing stored (a read of patient data), in the audit log under
    /// the current <see cref="Audit.AuditContext"/>; returns once it has committed.
    /// </summary>
    public Task RecordAsync(Audit.AuditChange change, CancellationToken cancellationToken = default) =>
        _pipeline.RunAsync(new RecordWork(change), cancellationToken);

    public Task<InstanceSnapshot> StartAsync(CompiledWorkflow workflow, StartRequest request, CancellationToken cancellationToken = default) =>
        _pipeline.RunAsync(new StartWork(workflow, request), cancellationToken);

    /// <summary>
    /// Starts the instance of one occurrence of a published version's Timer, Cron or StartAt trigger, unless another
    /// node already has or the version is no longer published; null when it did not start one.
    /// </summary>
    public Task<InstanceSnapshot?> StartTriggerAsync(CompiledWorkflow workflow, string activityId, DateTimeOffset occursAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        return _pipeline.RunAsync(new TriggerStartWork(workflow, TriggerOccurrence.Of(workflow.DefinitionVersionId, activityId, occursAt)), cancellationToken);
    }

    /// <summary>Fires a timer bookmark that came due; a task's deadline may escalate its task (see <see cref="TimerWork"/>).</summary>
    public Task<ResumeOutcome> FireTimerAsync(string instanceId, string bookmarkId, CancellationToken cancellationToken = default) =>
        _pipeline.RunAsync(new TimerWork(instanceId, bookmarkId), cancellationToken);

    public Task<ResumeOutcome> ResumeAsync(string instanceId, string bookmarkId, JsonNode? input = null, CancellationToken cancellationToken = default) =>
        _pipeline.RunAsync(new ResumeWork(instanceId, bookmarkId, input), cancellationToken);

    /// <summary>
    /// Resumes a bookmark knowing only its id. The id names its instance (<see cref="BookmarkIds"/>), so a bookmark that
    /// was consumed is told apart from one that never existed.
    /// </summary>
    public async Task<ResumeOutcome> ResumeBookmarkAsync(string bookmarkId, JsonNode? input = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(bookmarkId);
        if (BookmarkIds.TryParse(bookmarkId, out var instanceId, out _))
        {
            var outcome = await ResumeAsync(instanceId, bookmarkId, input, cancellationToken);
            return outcome.Status == ResumeStatus.InstanceNotFound ? new ResumeOutcome(ResumeStatus.BookmarkNotFound) : outcome;
        }

        // Bookmarks made before ids named their instance are found through the bookmarks table while they are open.
        string? owner;
        await using (var scope = _scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CareFlowsDbContext>();
            owner = await db.Bookmarks.Where(b => b.Id == bookmarkId).Select(b => b.InstanceId).FirstOrDefaultAsync(cancellationToken);
        }

        return owner is null
            ? new ResumeOutcome(ResumeStatus.BookmarkNotFound)
            : await ResumeAsync(owner, bookmarkId, input, cancellationToken);
    }

    public Task<ResumeOutcome> CancelAsync(string instanceId, string? reason = null, CancellationToken cancellationToken = default) =>
        _pipeline.RunAsync(new CancelWork(instanceId, reason), cancellationToken);

    /// <summary>
    /// Delivers an event to every instance waiting for it (by name, and correlation key when given) and starts the
    /// instances its Event triggers start. With nobody waiting it is buffered, or dropped as <paramref name="unheard"/>
    /// says. An idempotency key already used for the same event makes it a duplicate (not applied again); used for a
    /// different event, an <see cref="IdempotencyConflictException"/>.
    /// </summary>
    public Task<EventOutcome> PublishEventAsync(string eventName, string? correlationKey, JsonNode? payload, string? idempotencyKey, UnheardEvents unheard, CancellationToken cancellationToken = default) =>
        _pipeline.RunAsync(new EventWork(eventName, correlationKey, payload, idempotencyKey, unheard), cancellationToken);

    /// <inheritdoc cref="PublishEventAsync(string, string?, JsonNode?, string?, UnheardEvents, CancellationToken)"/>
    public Task<EventOutcome> PublishEventAsync(string eventName, string? correlationKey, JsonNode? payload, string? idempotencyKey, CancellationToken cancellationToken = default) =>
        PublishEventAsync(eventName, correlationKey, payload, idempotencyKey, UnheardEvents.Buffer, cancellationToken);

    /// <summary>Claims a task for the actor.</summary>
    public Task<TaskOutcome> ClaimTaskAsync(string taskId, TaskRequester requester, CancellationToken cancellationToken = default) =>
        _pipeline.RunAsync(new ClaimTaskWork(taskId, requester), cancellationToken);

    /// <summary>Gives a claimed task back to its team queues.</summary>
    public Task<TaskOutcome> UnclaimTaskAsync(string taskId, TaskRequester requester, CancellationToken cancellationToken = default) =>
        _pipeline.RunAsync(new UnclaimTaskWork(taskId, requester), cancellationToken);

    /// <summary>Passes a task to a person or to a team's queue; <paramref name="delegating"/> when its owner hands it to a colleague.</summary>
    public Task<TaskOutcome> ReassignTaskAsync(string taskId, TaskRequester requester, string? toUser, string? toTeam, bool delegating, CancellationToken cancellationToken = default) =>
        _pipeline.RunAsync(new ReassignTaskWork(taskId, requester, toUser, toTeam, delegating), cancellationToken);

    /// <summary>Puts a task on hold, or releases it.</summary>
    public Task<TaskOutcome> HoldTaskAsync(string taskId, TaskRequester requester, bool hold, string? reason, CancellationToken cancellationToken = default) =>
        _pipeline.RunAsync(new HoldTaskWork(taskId, requester, hold, reason), cancellationToken);

    /// <summary>Adds a comment (<c>commented</c>) or an outreach attempt (<c>attempted</c>) to a task's history.</summary>
    public Task<TaskOutcome> NoteTaskAsync(string taskId, TaskRequester requester, string action, JsonObject details, CancellationToken cancellationToken = default) =>
        _pipeline.RunAsync(new NoteTaskWork(taskId, requester, action, details), cancellationToken);

    /// <summary>
    /// The task with its teams as committed, or null when there is none: every request about one task reads it so, on the
    /// runtime's kept, prepared statements, whoever asks (what the asker may see is <see cref="TaskAccess"/>'s to say).
    /// </summary>
    public async Task<StoredTask?> ReadTaskAsync(string taskId)
    {
        ArgumentNullException.ThrowIfNull(taskId);
        TaskRow? row = null;
        var teams = new List<string>();
        await _pipeline.Reader.RunAsync(lookups =>
        {
            lookups.Add(RuntimeLookups.Task(taskId), found => row = found);
            lookups.Add(RuntimeLookups.TaskTeams(taskId), teams.Add);
        });
        return row is null ? null : StoredTask.Of(row.Record, teams);
    }

    /// <summary>
    /// Completes a task with an outcome and its form's data, resuming its workflow in the same transaction; with
    /// <paramref name="rules"/>, what the outcome and data must keep beyond the engine's own guard.
    /// </summary>
    public Task<TaskOutcome> CompleteTaskAsync(string taskId, TaskRequester requester, string? outcome, JsonNode? data, CompletionRules? rules = null, CancellationToken cancellationToken = default) =>
        _pipeline.RunAsync(new CompleteTaskWork(taskId, requester, outcome, data, rules), cancellationToken);
}

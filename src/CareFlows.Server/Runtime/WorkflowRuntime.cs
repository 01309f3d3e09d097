using System.Text.Json.Nodes;
using CareFlows.Engine.Execution;
using CareFlows.Server.Infrastructure;
using CareFlows.Server.Persistence;
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

    /// <summary>Starts an instance of the published version, or of <paramref name="version"/> if given (it must have been published).</summary>
    public async Task<InstanceSnapshot> StartAsync(string definitionId, int? version, StartRequest request, CancellationToken cancellationToken = default)
    {
        var workflow = version is { } v
            ? await Catalog.FindVersionAsync(definitionId, v, cancellationToken) ?? throw new NotFoundException($"Definition '{definitionId}' has no published version {v}.")
            : await Catalog.FindPublishedAsync(definitionId, cancellationToken) ?? throw new NotFoundException($"Definition '{definitionId}' has no published version.");
        return await StartAsync(workflow, request, cancellationToken);
    }

    public Task<InstanceSnapshot> StartAsync(CompiledWorkflow workflow, StartRequest request, CancellationToken cancellationToken = default) =>
        _pipeline.RunAsync(new StartWork(workflow, request), cancellationToken);

    public Task<ResumeOutcome> ResumeAsync(string instanceId, string bookmarkId, JsonNode? input = null, CancellationToken cancellationToken = default) =>
        _pipeline.RunAsync(new ResumeWork(instanceId, bookmarkId, input), cancellationToken);

    /// <summary>Resumes a bookmark knowing only its id.</summary>
    public async Task<ResumeOutcome> ResumeBookmarkAsync(string bookmarkId, JsonNode? input = null, CancellationToken cancellationToken = default)
    {
        string? instanceId;
        await using (var scope = _scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CareFlowsDbContext>();
            instanceId = await db.Bookmarks.Where(b => b.Id == bookmarkId).Select(b => b.InstanceId).FirstOrDefaultAsync(cancellationToken);
        }

        return instanceId is null
            ? new ResumeOutcome(ResumeStatus.BookmarkNotOpen)
            : await ResumeAsync(instanceId, bookmarkId, input, cancellationToken);
    }

    public Task<ResumeOutcome> CancelAsync(string instanceId, string? reason = null, CancellationToken cancellationToken = default) =>
        _pipeline.RunAsync(new CancelWork(instanceId, reason), cancellationToken);

    /// <summary>
    /// Delivers an event to every instance waiting for it (by name, and correlation key when given) and starts the
    /// instances its Event triggers start. With nobody waiting it is buffered; with a known idempotency key it is ignored.
    /// </summary>
    public Task<EventOutcome> PublishEventAsync(string eventName, string? correlationKey, JsonNode? payload, string? idempotencyKey, CancellationToken cancellationToken = default) =>
        _pipeline.RunAsync(new EventWork(eventName, correlationKey, payload, idempotencyKey), cancellationToken);
}

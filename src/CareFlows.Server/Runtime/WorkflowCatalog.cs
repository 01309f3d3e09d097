using System.Collections.Concurrent;
using CareFlows.Engine.Bookmarks;
using CareFlows.Engine.Definitions.Serialization;
using CareFlows.Engine.Execution;
using CareFlows.Server.Persistence;
using CareFlows.Server.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace CareFlows.Server.Runtime;

/// <summary>
/// Runnable definitions. A version is compiled once it has been published and then kept: published versions never
/// change, so every node may cache them. Which version is the published one is cached briefly, and forgotten as soon as
/// this node publishes or retires, or sees (<see cref="PublishedChangedAsync"/>) that another node did.
/// </summary>
public sealed class WorkflowCatalog(IServiceScopeFactory scopes, WorkflowEngine engine, TimeProvider clock)
{
    public static readonly TimeSpan PublishedCacheLifetime = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<string, CompiledWorkflow> _versions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (string VersionId, DateTimeOffset Until)> _published = new(StringComparer.Ordinal);
    private volatile IReadOnlyList<PublishedTrigger> _triggers = [];
    private volatile HashSet<string> _publishedVersionIds = [];

    /// <summary>Every trigger of every published version, as of the last <see cref="RefreshTriggersAsync"/>.</summary>
    public IReadOnlyList<PublishedTrigger> Triggers => _triggers;

    /// <summary>The published version of a definition, compiled; null when none is published.</summary>
    public async Task<CompiledWorkflow?> FindPublishedAsync(string definitionId, CancellationToken cancellationToken = default)
    {
        if (_published.TryGetValue(definitionId, out var cached) && cached.Until > clock.GetUtcNow() && _versions.TryGetValue(cached.VersionId, out var hit))
        {
            return hit;
        }

        var record = await QueryAsync(q => q.FirstOrDefaultAsync(d => d.DefinitionId == definitionId && d.IsPublished, cancellationToken));
        if (record is null)
        {
            _published.TryRemove(definitionId, out _);
            return null;
        }

        var workflow = Compile(record);
        _published[definitionId] = (record.Id, clock.GetUtcNow() + PublishedCacheLifetime);
        return workflow;
    }

    /// <summary>Whether the definition exists (with that version, when one is named), published or not.</summary>
    public Task<bool> ExistsAsync(string definitionId, int? version = null, CancellationToken cancellationToken = default) =>
        QueryAsync(q => q.AnyAsync(d => d.DefinitionId == definitionId && (version == null || d.Version == version), cancellationToken));

    /// <summary>The version an instance is pinned to.</summary>
    public async ValueTask<CompiledWorkflow> GetByVersionIdAsync(string versionId, CancellationToken cancellationToken = default)
    {
        if (_versions.TryGetValue(versionId, out var hit))
        {
            return hit;
        }

        var record = await QueryAsync(q => q.FirstOrDefaultAsync(d => d.Id == versionId, cancellationToken))
            ?? throw new InvalidOperationException($"Definition version {versionId} is missing; instances pinned to it cannot run.");
        return Compile(record);
    }

    /// <summary>Compiles a stored version; published versions are cached. Throws <see cref="WorkflowCannotRunException"/>.</summary>
    public CompiledWorkflow Compile(WorkflowDefinitionRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.PublishedAt is not null && _versions.TryGetValue(record.Id, out var hit))
        {
            return hit;
        }

        var workflow = engine.Compile(WorkflowDefinitionReader.Read(record.Json)).GetWorkflowOrThrow();
        if (record.PublishedAt is not null)
        {
            _versions[record.Id] = workflow;
        }

        return workflow;
    }

    /// <summary>Forgets which version of a definition is published, after a publish or retire on this node.</summary>
    public void ForgetPublished(string definitionId) => _published.TryRemove(definitionId, out _);

    /// <summary>Event triggers of published versions listening for <paramref name="eventName"/>.</summary>
    public IEnumerable<PublishedTrigger> EventTriggers(string eventName) => _triggers.Where(t => EventMatch.Starts(t.Trigger, eventName));

    /// <summary>
    /// Whether the set of published versions differs from the one the triggers were last refreshed from: a publish,
    /// retire or delete on any node. Reads only the published versions' ids.
    /// </summary>
    public async Task<bool> PublishedChangedAsync(CancellationToken cancellationToken = default)
    {
        var ids = await QueryAsync(q => q.Where(d => d.IsPublished).Select(d => d.Id).ToListAsync(cancellationToken));
        return !_publishedVersionIds.SetEquals(ids);
    }

    /// <summary>Reloads every published version's triggers; versions that cannot run are skipped and returned.</summary>
    public async Task<IReadOnlyList<(WorkflowDefinitionRecord Record, Exception Error)>> RefreshTriggersAsync(CancellationToken cancellationToken = default)
    {
        var records = await QueryAsync(q => q.Where(d => d.IsPublished).ToListAsync(cancellationToken));
        _published.Clear();
        var triggers = new List<PublishedTrigger>();
        var failures = new List<(WorkflowDefinitionRecord, Exception)>();
        foreach (var record in records)
        {
            try
            {
                var workflow = Compile(record);
                triggers.AddRange(workflow.Triggers.Select(t => new PublishedTrigger(workflow, t, record.PublishedAt!.Value)));
            }
            catch (Exception e) when (e is WorkflowCannotRunException or WorkflowDefinitionFormatException)
            {
                failures.Add((record, e));
            }
        }

        _triggers = triggers;
        _publishedVersionIds = records.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        return failures;
    }

    private async Task<T> QueryAsync<T>(Func<IQueryable<WorkflowDefinitionRecord>, Task<T>> query)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CareFlowsDbContext>();
        return await query(db.Definitions.AsNoTracking());
    }
}

/// <summary>A trigger activity of a published version, which can start new instances.</summary>
public sealed record PublishedTrigger(CompiledWorkflow Workflow, TriggerActivity Trigger, DateTime PublishedAt);

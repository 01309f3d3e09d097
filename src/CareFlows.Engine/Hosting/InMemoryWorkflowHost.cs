using System.Text.Json.Nodes;
using CareFlows.Engine.Bookmarks;
using CareFlows.Engine.Execution;
using CareFlows.Engine.Journal;

namespace CareFlows.Engine.Hosting;

/// <summary>
/// Runs published workflows in memory on the engine's clock: timer triggers start instances, timer bookmarks
/// resume them, published events reach waiting instances. With a fake clock this is a simulated-time test-run;
/// durable hosting keeps state in a database and timers in a scheduler instead.
/// </summary>
public sealed class InMemoryWorkflowHost(WorkflowEngine engine) : IDisposable
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, (CompiledWorkflow Workflow, WorkflowState State)> _instances = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ITimer> _timers = new(StringComparer.Ordinal);
    private readonly List<CompiledWorkflow> _published = [];
    private readonly Dictionary<string, List<JournalEntry>> _journals = new(StringComparer.Ordinal);

    /// <summary>Every instance, in start order.</summary>
    public IReadOnlyList<WorkflowState> Instances
    {
        get
        {
            lock (_lock)
            {
                return [.. _instances.Values.Select(i => i.State)];
            }
        }
    }

    /// <summary>An instance as it stands now, or null when there is none with that id.</summary>
    public WorkflowState? Find(string instanceId)
    {
        lock (_lock)
        {
            return _instances.TryGetValue(instanceId, out var instance) ? instance.State : null;
        }
    }

    /// <summary>Everything an instance did, in order, timers fired on their own included.</summary>
    public IReadOnlyList<JournalEntry> JournalOf(string instanceId)
    {
        lock (_lock)
        {
            return _journals.TryGetValue(instanceId, out var journal) ? [.. journal] : [];
        }
    }

    /// <summary>Publishes a version: its timer triggers start firing and its event triggers start listening.</summary>
    public void Publish(CompiledWorkflow workflow)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        var publishedAt = engine.Clock.GetUtcNow();
        lock (_lock)
        {
            _published.Add(workflow);
            foreach (var trigger in workflow.Triggers)
            {
                ScheduleTrigger(workflow, trigger, publishedAt, publishedAt);
            }
        }
    }

    /// <summary>Starts an instance and runs it until it waits or ends.</summary>
    public RunResult Start(CompiledWorkflow workflow, StartRequest? request = null)
    {
        lock (_lock)
        {
            return Apply(workflow, engine.StartAsync(workflow, request));
        }
    }

    /// <summary>Resumes an instance's bookmark.</summary>
    public RunResult Resume(string instanceId, string bookmarkId, JsonNode? input = null)
    {
        lock (_lock)
        {
            var (workflow, state) = _instances[instanceId];
            return Apply(workflow, engine.ResumeAsync(workflow, state, bookmarkId, input));
        }
    }

    /// <summary>Delivers an event to every instance waiting for it and starts instances it triggers.</summary>
    public int PublishEvent(string eventName, string? correlationKey, JsonNode? payload)
    {
        lock (_lock)
        {
            return Deliver(new PublishedEvent(eventName, correlationKey, payload, IsLocal: false, SourceInstanceId: ""));
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            foreach (var timer in _timers.Values)
            {
                timer.Dispose();
            }

            _timers.Clear();
        }
    }

    private RunResult Apply(CompiledWorkflow workflow, ValueTask<RunResult> pending)
    {
        var result = pending.WaitForResult();
        _instances[result.State.Id] = (workflow, result.State);
        if (!_journals.TryGetValue(result.State.Id, out var journal))
        {
            _journals[result.State.Id] = journal = [];
        }

        journal.AddRange(result.Journal);
        foreach (var removed in result.RemovedBookmarks)
        {
            if (_timers.Remove(removed.Id, out var timer))
            {
                timer.Dispose();
            }
        }

        foreach (var created in result.CreatedBookmarks.Where(b => b.Kind == BookmarkKind.Timer && result.State.FindBookmark(b.Id) is not null))
        {
            ScheduleBookmark(result.State.Id, created);
        }

        foreach (var dispatch in result.Dispatches)
        {
            // The latest published version, as the durable runtime starts it.
            var child = _published.LastOrDefault(w => w.DefinitionId == dispatch.DefinitionId)
                ?? throw new WorkflowNotPublishedException(dispatch.DefinitionId, dispatch.ParentInstanceId);
            Apply(child, engine.StartAsync(child, dispatch.ToStartRequest()));
        }

        foreach (var published in result.PublishedEvents)
        {
            Deliver(published);
        }

        return result;
    }

    private int Deliver(PublishedEvent published)
    {
        var delivered = 0;
        var waiting = _instances.Values
            .Where(i => !i.State.IsFinished && (!published.IsLocal || i.State.Id == published.SourceInstanceId))
            .SelectMany(i => i.State.Bookmarks.Where(b => EventMatch.Reaches(b, published.EventName, published.CorrelationKey)).Select(b => (i.State.Id, BookmarkId: b.Id)))
            .ToList();
        foreach (var (instanceId, bookmarkId) in waiting)
        {
            var (workflow, state) = _instances[instanceId];
            if (state.FindBookmark(bookmarkId) is not null)
            {
                Apply(workflow, engine.ResumeAsync(workflow, state, bookmarkId, published.Payload));
                delivered++;
            }
        }

        if (!published.IsLocal)
        {
            foreach (var workflow in _published)
            {
                foreach (var trigger in workflow.Triggers.Where(t => EventMatch.Starts(t, published.EventName)))
                {
                    Apply(workflow, engine.StartAsync(workflow, new StartRequest { TriggerActivityId = trigger.ActivityId, TriggerInput = published.Payload, CorrelationId = published.CorrelationKey }));
                    delivered++;
                }
            }
        }

        return delivered;
    }

    private void ScheduleBookmark(string instanceId, Bookmark bookmark)
    {
        _timers[bookmark.Id] = engine.Clock.CreateTimer(
            _ =>
            {
                lock (_lock)
                {
                    if (_timers.Remove(bookmark.Id, out var timer))
                    {
                        timer.Dispose();
                        Resume(instanceId, bookmark.Id);
                    }
                }
            },
            null,
            DueIn(bookmark.DueAt!.Value),
            Timeout.InfiniteTimeSpan);
    }

    // A time already passed (the clock jumped past it) fires at once.
    private TimeSpan DueIn(DateTimeOffset at)
    {
        var delay = at - engine.Clock.GetUtcNow();
        return delay < TimeSpan.Zero ? TimeSpan.Zero : delay;
    }

    private void ScheduleTrigger(CompiledWorkflow workflow, TriggerActivity trigger, DateTimeOffset publishedAt, DateTimeOffset after)
    {
        if (TriggerSchedule.NextFire(trigger, publishedAt, after) is not { } next)
        {
            return;
        }

        var key = $"trigger:{workflow.DefinitionVersionId}:{trigger.ActivityId}";
        _timers[key] = engine.Clock.CreateTimer(
            _ =>
            {
                lock (_lock)
                {
                    if (_timers.Remove(key, out var timer))
                    {
                        timer.Dispose();
                        Apply(workflow, engine.StartAsync(workflow, new StartRequest { TriggerActivityId = trigger.ActivityId }));
                        ScheduleTrigger(workflow, trigger, publishedAt, next);
                    }
                }
            },
            null,
            DueIn(next),
            Timeout.InfiniteTimeSpan);
    }
}

/// <summary>A workflow dispatched a definition that is not published in this host.</summary>
public sealed class WorkflowNotPublishedException(string definitionId, string parentInstanceId)
    : InvalidOperationException($"'{definitionId}' is not published here; instance {parentInstanceId} cannot dispatch it.")
{
    public string DefinitionId { get; } = definitionId;
}

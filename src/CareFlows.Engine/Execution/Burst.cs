using System.Text.Json.Nodes;
using CareFlows.Engine.Bookmarks;
using CareFlows.Engine.Expressions;
using CareFlows.Engine.Journal;

namespace CareFlows.Engine.Execution;

/// <summary>
/// One run of an instance: from a start or a resume, every runnable activity runs until none is left.
/// Split by step: scheduling and flow (Burst.Flow.cs), faults and endings (Burst.Faults.cs).
/// </summary>
internal sealed partial class Burst
{
    private readonly CompiledWorkflow _workflow;
    private readonly EngineServices _services;
    private readonly List<JournalEntry> _journal = [];
    private readonly List<Bookmark> _created = [];
    private readonly List<Bookmark> _removed = [];
    private readonly List<PublishedEvent> _published = [];
    private readonly List<WorkflowDispatch> _dispatches = [];
    private readonly Stack<WorkItem> _stack = new();
    private readonly bool[] _reachable;
    private EndKind _end;
    private int _steps;

    public Burst(CompiledWorkflow workflow, WorkflowState state, EngineServices services)
    {
        _workflow = workflow;
        _services = services;
        State = state;
        Variables = new VariableStore(workflow, state);
        var start = state.StartActivityId is { } startId ? workflow.FindNode(startId) : null;
        _reachable = start is null ? new bool[workflow.Nodes.Length] : workflow.ReachableFrom(start.Index);
    }

    public WorkflowState State { get; }

    public VariableStore Variables { get; }

    public DateTimeOffset Now => _services.Clock.GetUtcNow();

    public Calendar.BusinessCalendar Calendar => _services.Calendar;

    public object? LastResult =>
        State.LastResultActivityId is { } id && State.Activities.TryGetValue(id, out var record) && record.Outputs is { } outputs
            ? outputs.GetValueOrDefault("result")
            : null;

    public string NewId() => _services.Ids.NewId();

    public string NewBookmarkId() => BookmarkIds.Create(State.Id, ++State.BookmarkSequence);

    public async ValueTask<RunResult> StartAsync(ActivityNode start, bool byTrigger, JsonNode? triggerInput)
    {
        State.SubStatus = WorkflowSubStatus.Executing;
        JournalRoot(JournalEvents.Started, State.CorrelationId is { } c ? $"correlation {c}" : null);
        _stack.Push(new WorkItem(start.Index, WorkKind.Execute, byTrigger, triggerInput));
        await RunAsync().ConfigureAwait(false);
        return Complete();
    }

    public async ValueTask<RunResult> ResumeAsync(Bookmark bookmark, JsonNode? input)
    {
        var node = _workflow.FindNode(bookmark.ActivityId)
            ?? throw new InvalidOperationException($"Bookmark {bookmark.Id} belongs to activity '{bookmark.ActivityId}', which this definition version does not have.");
        State.SubStatus = WorkflowSubStatus.Executing;
        RemoveBookmark(bookmark, JournalEvents.Resumed);
        JournalRoot(JournalEvents.Resumed, $"bookmark {bookmark.Id} ({bookmark.Kind})");
        var context = new ActivityExecutionContext(this, node, isTriggerOfWorkflow: false, input);
        await InvokeAsync(node, context, bookmark).ConfigureAwait(false);
        await RunAsync().ConfigureAwait(false);
        return Complete();
    }

    public RunResult Cancel(string? reason)
    {
        foreach (var bookmark in State.Bookmarks.ToList())
        {
            RemoveBookmark(bookmark, JournalEvents.BookmarkCancelled);
        }

        State.Status = WorkflowStatus.Finished;
        State.SubStatus = WorkflowSubStatus.Cancelled;
        JournalRoot(JournalEvents.Cancelled, reason);
        return Complete();
    }

    private async ValueTask RunAsync()
    {
        while (_stack.Count > 0 && _end == EndKind.None && !State.IsFinished)
        {
            var item = _stack.Pop();
            var node = _workflow.Nodes[item.Node];
            if (item.Kind == WorkKind.Skip)
            {
                Follow(node, []);
                continue;
            }

            if (++_steps > _services.Options.MaxActivitiesPerBurst)
            {
                Fault(node, $"Runaway burst: more than {_services.Options.MaxActivitiesPerBurst} activities ran without the instance waiting.", "RunawayBurst", code: null);
                return;
            }

            await ExecuteAsync(node, item.ByTrigger, item.Input).ConfigureAwait(false);
        }
    }

    private async ValueTask ExecuteAsync(ActivityNode node, bool byTrigger, JsonNode? input)
    {
        State.Flow.Fired.Add(node.Id);
        var record = RecordOf(node);
        record.ExecutionCount++;
        record.Status = ActivityStatus.Running;
        record.Outputs = null;
        record.PortsFollowedWhileWaiting = null;
        Journal(node, JournalEvents.Started, null);
        var context = new ActivityExecutionContext(this, node, byTrigger, input);
        await InvokeAsync(node, context, resumed: null).ConfigureAwait(false);
    }

    private async ValueTask InvokeAsync(ActivityNode node, ActivityExecutionContext context, Bookmark? resumed)
    {
        try
        {
            if (resumed is null)
            {
                await node.Activity.ExecuteAsync(context).ConfigureAwait(false);
            }
            else
            {
                await node.Activity.ResumeAsync(context, resumed).ConfigureAwait(false);
            }
        }
#pragma warning disable CA1031 // Any failure inside an activity becomes an incident on it; it must never escape to the host.
        catch (Exception e)
#pragma warning restore CA1031
        {
            FaultFrom(node, e);
            return;
        }

        if (_end != EndKind.None)
        {
            Completed(node, [], follow: false);
            EndNow();
        }
        else if (context.IsCompleted)
        {
            Completed(node, context.Outcomes, follow: true);
        }
        else if (context.BookmarksCreated > 0)
        {
            Journal(node, JournalEvents.Suspended, null);
        }
        else if (context.KeepsWaiting && State.Bookmarks.Any(b => b.ActivityId == node.Id))
        {
            Journal(node, JournalEvents.Suspended, context.PortsWhileWaiting.Count == 0 ? null : string.Join(", ", context.PortsWhileWaiting));
            FollowWhileWaiting(node, context.PortsWhileWaiting);
        }
        else
        {
            Completed(node, [Activities.Activity.Done], follow: true);
        }
    }

    private void Completed(ActivityNode node, IReadOnlyList<string> outcomes, bool follow)
    {
        var record = RecordOf(node);
        record.Status = ActivityStatus.Completed;
        Journal(node, JournalEvents.Completed, outcomes.Count == 0 ? null : string.Join(", ", outcomes));
        foreach (var leftover in State.Bookmarks.Where(b => b.ActivityId == node.Id).ToList())
        {
            RemoveBookmark(leftover, JournalEvents.BookmarkCancelled);
        }

        if (follow)
        {
            Follow(node, outcomes);
        }
    }

    private RunResult Complete()
    {
        if (!State.IsFinished)
        {
            if (State.Bookmarks.Count > 0)
            {
                State.SubStatus = WorkflowSubStatus.Suspended;
                JournalRoot(JournalEvents.Suspended, $"{State.Bookmarks.Count} open bookmark(s)");
            }
            else
            {
                State.Status = WorkflowStatus.Finished;
                State.SubStatus = WorkflowSubStatus.Finished;
                JournalRoot(JournalEvents.Finished, null);
            }
        }

        var now = Now;
        State.UpdatedAt = now;
        if (State.IsFinished && State.FinishedAt is null)
        {
            State.FinishedAt = now;
            TellParent();
        }

        return new RunResult(State, _journal, _created, _removed, _published) { Dispatches = _dispatches };
    }

    public ActivityRecord RecordOf(ActivityNode node)
    {
        if (!State.Activities.TryGetValue(node.Id, out var record))
        {
            record = new ActivityRecord();
            State.Activities[node.Id] = record;
        }

        return record;
    }

    public void RecordOutput(ActivityNode node, string name, object? value)
    {
        var record = RecordOf(node);
        (record.Outputs ??= new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase))[name] = VariableStore.AsJsonShape(value);
        if (name == "result")
        {
            State.LastResultActivityId = node.Id;
        }
    }

    public object? GetOutputFrom(string activityNameOrId, string? outputName)
    {
        var node = _workflow.FindNode(activityNameOrId)
            ?? Array.Find(_workflow.Nodes, n => string.Equals(n.Definition.Name, activityNameOrId, StringComparison.OrdinalIgnoreCase));
        return node is not null && State.Activities.TryGetValue(node.Id, out var record) && record.Outputs is { } outputs
            ? outputs.GetValueOrDefault(outputName ?? "result")
            : null;
    }

    public void WriteLine(ActivityNode node, string text)
    {
        State.Log.Add(text);
        Journal(node, JournalEvents.Log, text);
    }

    public void Publish(PublishedEvent published) => _published.Add(published);

    public void Dispatch(WorkflowDispatch dispatch) => _dispatches.Add(dispatch);

    /// <summary>A dispatched instance that has just ended tells its parent how, and with what output.</summary>
    private void TellParent()
    {
        if (State.ParentInstanceId is null)
        {
            return;
        }

        var ended = new JsonObject
        {
            ["instanceId"] = State.Id,
            ["status"] = State.SubStatus.ToString(),
            ["output"] = ValueConverter.ToJson(State.Output),
        };
        _published.Add(new PublishedEvent(ChildWorkflows.Completed, State.Id, ended, IsLocal: false, State.Id));
    }

    public void AddBookmark(ActivityNode node, Bookmark bookmark)
    {
        State.Bookmarks.Add(bookmark);
        _created.Add(bookmark);
        Journal(node, JournalEvents.BookmarkCreated, Describe(bookmark));
    }

    private void RemoveBookmark(Bookmark bookmark, string eventName)
    {
        State.Bookmarks.Remove(bookmark);
        _removed.Add(bookmark);
        if (_workflow.FindNode(bookmark.ActivityId) is { } node)
        {
            Journal(node, eventName, Describe(bookmark));
        }
    }

    private static string Describe(Bookmark bookmark) => bookmark.Kind switch
    {
        BookmarkKind.Timer => $"{bookmark.Id} timer due {bookmark.DueAt:O}",
        BookmarkKind.Event => $"{bookmark.Id} event '{bookmark.EventName}'" + (bookmark.CorrelationKey is { } key ? $" for '{key}'" : ""),
        _ => $"{bookmark.Id} task {bookmark.TaskId}",
    };

    private void Journal(ActivityNode node, string eventName, string? message) =>
        _journal.Add(new JournalEntry(++State.JournalSequence, Now, node.Id, node.Type, node.DisplayName, eventName, message));

    private void JournalRoot(string eventName, string? message) =>
        _journal.Add(new JournalEntry(++State.JournalSequence, Now, _workflow.RootId, "Elsa.Flowchart", _workflow.Definition.Name, eventName, message));

    private readonly record struct WorkItem(int Node, WorkKind Kind, bool ByTrigger = false, JsonNode? Input = null);

    private enum WorkKind
    {
        Execute,
        Skip,
    }
}

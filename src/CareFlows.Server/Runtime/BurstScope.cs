using System.Text.Json.Nodes;
using CareFlows.Engine.Bookmarks;
using CareFlows.Engine.Execution;
using CareFlows.Server.Infrastructure;
using CareFlows.Server.Persistence.Entities;

namespace CareFlows.Server.Runtime;

/// <summary>
/// One work item's bursts, run in memory on committed state, outside the writer and beside other items' scopes: the
/// instances it loads (leased to its item), what it read (the change set's read set, which the writer checks again)
/// and what it changed (the change set). Nothing here is visible elsewhere until the writer commits the change set.
/// </summary>
internal sealed partial class BurstScope(Snapshot snapshot, InstanceLeases leases, WorkItem owner)
{

    private readonly Dictionary<string, InstanceSlot> _instances = new(StringComparer.Ordinal);
    private readonly Queue<PublishedEvent> _publishedEvents = new();

    public RuntimeContext Runtime => snapshot.Runtime;

    public Snapshot Snapshot => snapshot;

    public ChangeSet Changes { get; } = new();

    /// <summary>Starts an instance and takes in what its first burst did.</summary>
    public async Task<InstanceSlot> StartAsync(CompiledWorkflow workflow, StartRequest request)
    {
        var result = await Runtime.Engine.StartAsync(workflow, request);
        var slot = new InstanceSlot(workflow, result.State, revision: 0, isNew: true);
        if (!_instances.TryAdd(slot.Id, slot))
        {
            throw new InvalidOperationException($"Instance id {slot.Id} is already in use.");
        }

        await AbsorbAsync(slot, result);
        return slot;
    }

    /// <summary>
    /// The instance, loaded and leased to this scope's item; null when there is no such instance. Throws
    /// <see cref="InstanceBusyException"/> when another item on this node holds it.
    /// </summary>
    public async Task<InstanceSlot?> FindSlotAsync(string instanceId)
    {
        if (_instances.TryGetValue(instanceId, out var slot))
        {
            return slot;
        }

        if (!leases.TryAcquire(instanceId, owner))
        {
            throw new InstanceBusyException(instanceId);
        }

        var row = await snapshot.InstanceAsync(instanceId);
        if (row is not null && leases.IsStale(instanceId, row.Revision))
        {
            // It was read before this node's last commit of it, which the lease then waited for.
            row = await snapshot.FreshInstanceAsync(instanceId);
        }

        if (row is null)
        {
            return null;
        }

        var workflow = await Runtime.Catalog.GetByVersionIdAsync(row.VersionId);
        slot = new InstanceSlot(workflow, WorkflowStateSerializer.Deserialize(row.State, workflow), row.Revision, isNew: false);
        _instances[instanceId] = slot;
        return slot;
    }

    /// <summary>Resumes one of the instance's open bookmarks. Throws <see cref="InvalidResumeInputException"/>, changing nothing, for refused input.</summary>
    public async Task ResumeAsync(InstanceSlot slot, string bookmarkId, JsonNode? input)
    {
        ArgumentNullException.ThrowIfNull(slot);
        var result = await Runtime.Engine.ResumeAsync(slot.Workflow, slot.State, bookmarkId, input);
        await AbsorbAsync(slot, result, (bookmarkId, input));
    }

    public Task CancelAsync(InstanceSlot slot, string? reason)
    {
        ArgumentNullException.ThrowIfNull(slot);
        return AbsorbAsync(slot, Runtime.Engine.Cancel(slot.Workflow, slot.State, reason));
    }

    /// <summary>
    /// Stages a person's change to a task. Its instance is written too (same state, next revision), so that requests
    /// about the instance and its tasks commit one after the other.
    /// </summary>
    public void UpdateTask(InstanceSlot slot, TaskRow task, string status, string? owner, DateTime? startedAt, DateTime at,
        IReadOnlyList<string>? teams, InboxTaskHistoryRecord history, string? priority = null)
    {
        ArgumentNullException.ThrowIfNull(slot);
        ArgumentNullException.ThrowIfNull(task);
        slot.Changed = true;
        var earlier = Changes.TaskUpdates.GetValueOrDefault(task.Id);
        Changes.TaskUpdates[task.Id] = new InboxTaskUpdate(task.Id, status, owner, priority ?? earlier?.Priority ?? task.Priority, startedAt ?? earlier?.StartedAt, at,
            teams ?? earlier?.Teams, [.. earlier?.History ?? [], history], task.DueAt);
    }

    /// <summary>Stages a notification for each of <paramref name="userIds"/> (once each), in this request's transaction.</summary>
    public void Notify(IEnumerable<string?> userIds, string kind, string taskId, string message)
    {
        ArgumentNullException.ThrowIfNull(userIds);
        var at = Runtime.StoredNow;
        foreach (var userId in userIds.OfType<string>().Distinct(StringComparer.Ordinal))
        {
            Changes.Notifications.Add(new NotificationRecord { UserId = userId, Kind = kind, TaskId = taskId, Message = message, CreatedAt = at });
        }
    }

    /// <summary>Stages a history entry that changes nothing else (a comment, an outreach attempt), moving the instance's revision likewise.</summary>
    public void NoteTask(InstanceSlot slot, InboxTaskHistoryRecord note)
    {
        ArgumentNullException.ThrowIfNull(slot);
        slot.Changed = true;
        Changes.TaskNotes.Add(note);
    }

    /// <summary>The change set, with every instance the bursts changed written out as its state document.</summary>
    public ChangeSet Seal()
    {
        foreach (var slot in _instances.Values.Where(s => s.Changed))
        {
            var state = slot.State;
            Changes.Instances.Add(new InstanceChange(
                state.Id, state.DefinitionId, state.DefinitionVersionId, state.DefinitionVersion, state.Name, state.CorrelationId,
                state.Status.ToString(), state.SubStatus.ToString(), state.Incidents.Count, WorkflowStateSerializer.Serialize(state),
                state.CreatedAt.UtcDateTime, state.UpdatedAt.UtcDateTime, state.FinishedAt?.UtcDateTime, slot.IsNew ? 0 : slot.Revision));
        }

        return Changes;
    }

    /// <summary>
    /// Takes in what a burst did, then what follows from it within the scope: events it published, and buffered events
    /// that its new event bookmarks were waiting for.
    /// </summary>
    private async Task AbsorbAsync(InstanceSlot slot, RunResult result, (string BookmarkId, JsonNode? Input)? resumed = null)
    {
        slot.Changed = true;
        foreach (var created in result.CreatedBookmarks)
        {
            Changes.CreatedBookmarks[created.Id] = (slot.Id, created);
            if (created.Kind == BookmarkKind.Task && created.TaskId is not null)
            {
                var task = Changes.NewTasks[created.TaskId] = InboxTaskRows.Create(slot, created);
                Notify([task.Task.Owner], NotificationKinds.Assigned, task.Task.Id, $"'{task.Task.Title}' was assigned to you.");
            }
        }

        foreach (var removed in result.RemovedBookmarks)
        {
            if (!Changes.CreatedBookmarks.Remove(removed.Id))
            {
                Changes.RemovedBookmarks[removed.Id] = removed;
            }

            if (removed.Kind == BookmarkKind.Task && removed.TaskId is not null)
            {
                EndTask(slot, removed, resumed);
            }
        }

        foreach (var entry in result.Journal)
        {
            Changes.Journal.Add((slot.Id, entry));
        }

        foreach (var published in result.PublishedEvents)
        {
            _publishedEvents.Enqueue(published);
        }

        foreach (var waiting in result.CreatedBookmarks.Where(b => b.Kind == BookmarkKind.Event))
        {
            Runtime.EventWaits.Learn(slot.Workflow.DefinitionVersionId, waiting.EventName!);
            if (slot.State.FindBookmark(waiting.Id) is null)
            {
                continue;
            }

            var (found, payload) = await TakeBufferedEventAsync(new EventKey(waiting.EventName!, waiting.CorrelationKey));
            if (found)
            {
                await ResumeAsync(slot, waiting.Id, payload);
            }
        }

        foreach (var dispatch in result.Dispatches)
        {
            await StartChildAsync(dispatch);
        }

        while (_publishedEvents.TryDequeue(out var published))
        {
            await DeliverAsync(new EventKey(published.EventName, published.CorrelationKey), published.Payload, published.IsLocal ? published.SourceInstanceId : null);
        }
    }

    /// <summary>How many child instances one request may start, however deep they dispatch one another.</summary>
    public const int MaxChildrenPerRequest = 64;

    private int _childrenStarted;

    /// <summary>
    /// Starts a child an instance dispatched, in the same commit: the latest published version of its definition. One
    /// that is not published refuses the whole request, so that no parent waits for a child that never started.
    /// </summary>
    private async Task StartChildAsync(WorkflowDispatch dispatch)
    {
        // A definition that dispatches itself, or a ring of them, would start children for ever in one commit.
        if (++_childrenStarted > MaxChildrenPerRequest)
        {
            throw new ConflictException($"Instance {dispatch.ParentInstanceId} dispatches '{dispatch.DefinitionId}' as the {MaxChildrenPerRequest + 1}th child in one request; a workflow that dispatches itself without end is refused.");
        }

        var child = await Runtime.Catalog.FindPublishedAsync(dispatch.DefinitionId);
        if (child is null || !await IsPublishedAsync(child.DefinitionVersionId))
        {
            throw new ConflictException($"Instance {dispatch.ParentInstanceId} dispatches '{dispatch.DefinitionId}', which has no published version.");
        }

        await StartAsync(child, dispatch.ToStartRequest());
    }

    /// <summary>A task whose bookmark went: completed when the workflow resumed it, cancelled otherwise.</summary>
    private void EndTask(InstanceSlot slot, Bookmark removed, (string BookmarkId, JsonNode? Input)? resumed)
    {
        var now = slot.State.UpdatedAt;
        var change = resumed?.BookmarkId == removed.Id
            ? InboxTaskRows.Completed(removed, resumed.Value.Input, now, owner.Actor)
            : InboxTaskRows.Cancelled(removed, now, owner.Actor);
        if (Changes.NewTasks.Remove(removed.TaskId!, out var created))
        {
            // Created and ended by this request: it is stored as it ended, with both entries of its history, and
            // nobody is told it arrived.
            Changes.Notifications.RemoveAll(n => n.TaskId == removed.TaskId);
            created.Task.Status = change.Status;
            created.Task.Outcome = change.Outcome;
            created.Task.Result = change.Result;
            created.Task.EndedAt = change.At;
            created.Task.UpdatedAt = change.At;
            Changes.NewTasks[removed.TaskId!] = created with { Ended = change.History };
            return;
        }

        Changes.TaskChanges.Add(change);
    }
}

/// <summary>Another work item on this node holds the instance; the item waits for it and is prepared again.</summary>
internal sealed class InstanceBusyException(string instanceId) : Exception($"Instance {instanceId} is being worked on by another request.")
{
    public string InstanceId => instanceId;
}

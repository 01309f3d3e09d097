using System.Text.Json.Nodes;
using CareFlows.Server.Audit;
using CareFlows.Server.Inbox;
using CareFlows.Server.Persistence.Entities;

namespace CareFlows.Server.Runtime.Work.Tasks;

/// <summary>
/// A person's request about one inbox task. It reads the task, checks that the actor may work it (<see cref="TaskAccess"/>)
/// and leases its instance: every change to a task moves its instance's revision too, so that two requests about one
/// task — two coordinators completing it at once, on one node or two — commit one after the other, and the second is
/// decided on what the first did.
/// </summary>
internal abstract class TaskWork(string taskId, TaskRequester requester) : WorkItem<TaskOutcome>
{
    protected string TaskId => taskId;

    protected TaskRequester Requester => requester;

    public override string? Actor => requester.UserId;

    public override void Plan(SnapshotPlan plan)
    {
        plan.Task(taskId);
        plan.UserTeams(requester.UserId);
    }

    public override async Task RunAsync(BurstScope scope)
    {
        var task = await scope.Snapshot.TaskAsync(taskId);
        if (task is null)
        {
            Staged = TaskOutcome.NotFound;
            return;
        }

        var actor = requester.WithTeams(await scope.Snapshot.UserTeamsAsync(requester.UserId));
        if (!TaskAccess.CanRead(actor, task.Owner, task.Teams))
        {
            Staged = TaskOutcome.Forbidden("The task is neither yours nor your teams'.");
            return;
        }

        scope.Changes.Reads.TaskRevisions[taskId] = task.Revision;
        var slot = await scope.FindSlotAsync(task.InstanceId);
        if (slot is null)
        {
            Staged = TaskOutcome.NotFound;
            return;
        }

        if (task.IsOpen && slot.State.FindBookmark(task.BookmarkId) is null)
        {
            // The task was read before a change that ended it and the instance after: read the task as it is now.
            task = await scope.Snapshot.FreshTaskAsync(taskId) ?? task;
            scope.Changes.Reads.TaskRevisions[taskId] = task.Revision;
        }

        if (!TaskAccess.CanWork(actor, task.Owner, task.Teams))
        {
            Staged = TaskOutcome.Forbidden("Only the task's owner, a member of its teams or an administrator may work it.");
            return;
        }

        if (!task.IsOpen)
        {
            Staged = TaskOutcome.Conflict($"The task is {task.Status}; it can no longer be changed.");
            return;
        }

        var outcome = await ApplyAsync(scope, slot, task);
        if (outcome.Status != TaskOutcomeStatus.Done)
        {
            Staged = outcome;
            return;
        }

        var after = After(scope, task);
        Audit(scope, new AuditChange(Operation, AuditActions.Update, "task", task.Id)
        {
            PatientId = task.PatientId,
            Before = Describe(task.Record, task.Teams),
            After = Describe(after.Task, after.Teams, AuditedDetails),
            DefinitionId = slot.State.DefinitionId,
            DefinitionVersion = slot.State.DefinitionVersion,
            InstanceId = slot.Id,
        });
        Staged = outcome with { Task = after };
    }

    /// <summary>What the audit log calls the request: <c>task.claim</c>, <c>task.complete</c> ….</summary>
    protected abstract string Operation { get; }

    /// <summary>What the request added beside the task's own fields (a comment, an attempt), for the audit log.</summary>
    protected virtual JsonObject? AuditedDetails => null;

    // What the audit log keeps of a task: who has it, where it stands and how it ended; not its form data.
    private static JsonObject Describe(InboxTaskRecord task, IReadOnlyList<string> teams, JsonObject? details = null)
    {
        var json = new JsonObject
        {
            ["status"] = task.Status,
            ["owner"] = task.Owner,
            ["priority"] = task.Priority,
            ["teams"] = new JsonArray([.. teams.Select(t => (JsonNode?)t)]),
            ["outcome"] = task.Outcome,
        };
        if (details is not null)
        {
            json["details"] = details.DeepClone();
        }

        return json;
    }

    private static StoredTask After(BurstScope scope, TaskRow task)
    {
        var update = scope.Changes.TaskUpdates.GetValueOrDefault(task.Id);
        var end = scope.Changes.TaskEndOf(task.Id);
        return StoredTask.Of(InboxTaskRows.After(task.Record, update, end), update?.Teams ?? task.Teams);
    }

    /// <summary>Makes the request's change to the open task the actor may work, and says how it went.</summary>
    protected abstract Task<TaskOutcome> ApplyAsync(BurstScope scope, InstanceSlot slot, TaskRow task);

    /// <summary>Stages the task as <paramref name="task"/> with these changes, recorded in its history as <paramref name="action"/>.</summary>
    protected TaskOutcome Update(BurstScope scope, InstanceSlot slot, TaskRow task, string action, JsonObject? details,
        string? status = null, string? owner = null, bool clearOwner = false, IReadOnlyList<string>? teams = null)
    {
        var at = scope.Runtime.StoredNow;
        var newStatus = status ?? task.Status;
        var startedAt = newStatus == InboxTaskStatus.InProgress ? at : (DateTime?)null;
        var history = InboxTaskRows.History(task.Id, at, newStatus, action, details, requester.UserId);
        scope.UpdateTask(slot, task, newStatus, clearOwner ? null : owner ?? task.Owner, startedAt, at, teams, history);
        return TaskOutcome.Done;
    }

    protected static JsonObject Details(params (string Name, string? Value)[] values)
    {
        var details = new JsonObject();
        foreach (var (name, value) in values)
        {
            details[name] = value;
        }

        return details;
    }
}

using System.Data.Common;
using CareFlows.Engine.Bookmarks;
using CareFlows.Server.Persistence.Entities;

namespace CareFlows.Server.Runtime;

/// <summary>One lookup the runtime makes: its statement, its values and how a row of its answer reads.</summary>
internal sealed record Lookup<T>(string Sql, object[] Values, Func<DbDataReader, T> Read);

/// <summary>An instance row as the runtime reads it: the state document and the revision it must commit over.</summary>
internal sealed record InstanceRow(string Id, string VersionId, string State, long Revision);

/// <summary>What an idempotency key was first used for; a null payload hash marks a key recorded before payloads were.</summary>
internal sealed record ReceiptRow(string EventName, string? CorrelationKey, string? PayloadHash);

/// <summary>An inbox task as the runtime reads it to change it, whole, with the revision the change is decided on.</summary>
internal sealed record TaskRow(InboxTaskRecord Record)
{
    /// <summary>The teams in whose queues it appears.</summary>
    public IReadOnlyList<string> Teams { get; init; } = [];

    public string Id => Record.Id;

    public string InstanceId => Record.InstanceId;

    public string BookmarkId => Record.BookmarkId;

    public string Status => Record.Status;

    public string? Owner => Record.Owner;

    public string Priority => Record.Priority;

    public long Revision => Record.Revision;

    public string Kind => Record.Kind;

    public string? PatientId => Record.PatientId;

    public string Title => Record.Title;

    public DateTime? DueAt => Record.DueAt;

    public bool IsOpen => InboxTaskStatus.IsOpen(Status);
}

/// <summary>An event bookmark waiting for an event, and its instance.</summary>
internal readonly record struct Waiter(string BookmarkId, string InstanceId);

/// <summary>A row of a waiters lookup: the waiter when the bookmark waits for an event, and its instance when joined.</summary>
internal readonly record struct WaiterRow(Waiter? Waiter, InstanceRow? Instance);

/// <summary>A buffered event a wait point may take.</summary>
internal readonly record struct BufferedRow(string Id, string? Payload);

/// <summary>
/// Every lookup the runtime makes, each defined once and used alike by a request's snapshot, a burst's lookup on demand
/// and the writer's check (<see cref="Admission"/>). Each is an equality on a whole index key (see <see cref="LookupQueue"/>).
/// </summary>
internal static class RuntimeLookups
{
    public static Lookup<InstanceRow> Instance(string id) => new(RuntimeSql.SelectInstance, [id], ReadInstance);

    public static Lookup<InstanceRow> InstanceOfTask(string taskId) => new(RuntimeSql.SelectTaskInstance, [taskId], ReadInstance);

    public static Lookup<long> Revision(string id) => new(RuntimeSql.SelectRevision, [id], r => r.GetInt64(0));

    public static Lookup<TaskRow> Task(string id) => new(RuntimeSql.SelectTask, [id], r => new TaskRow(InboxTaskColumns.Read(r)));

    public static Lookup<long> TaskRevision(string id) => new(RuntimeSql.SelectTaskRevision, [id], r => r.GetInt64(0));

    public static Lookup<string> TeamMembers(string teamId) => new(RuntimeSql.SelectTeamMembers, [teamId], r => r.GetString(0));

    public static Lookup<string> UserTeams(string userId) => new(RuntimeSql.SelectUserTeams, [userId], r => r.GetString(0));

    public static Lookup<string> TaskTeams(string id) => new(RuntimeSql.SelectTaskTeams, [id], r => r.GetString(0));

    public static Lookup<string?> TaskAttempts(string id) => new(RuntimeSql.SelectTaskAttempts, [id], r => r.IsDBNull(0) ? null : r.GetString(0));

    public static Lookup<ReceiptRow> Receipt(string idempotencyKey) =>
        new(RuntimeSql.SelectReceipt, [idempotencyKey], r => new ReceiptRow(r.GetString(1), NullableString(r, 2), NullableString(r, 3)));

    /// <summary>
    /// The event bookmarks an event with this key reaches (by name and key, or by name alone for an event without a key),
    /// with their instances when <paramref name="withInstances"/> and the key has a correlation key. The queries leave the
    /// kind out of their WHERE clause, so that the event index answers them alone, and the kind is checked here.
    /// </summary>
    public static Lookup<WaiterRow> Waiters(EventKey key, bool withInstances = false)
    {
        if (key.IsUnkeyed)
        {
            return new(RuntimeSql.SelectEventBookmarks, [key.EventName], r => new WaiterRow(EventWaiter(r), null));
        }

        return withInstances
            ? new(RuntimeSql.SelectEventWaitersByKey, [key.EventName, key.CorrelationKey!], r => EventWaiter(r) is { } waiter
                ? new WaiterRow(waiter, new InstanceRow(waiter.InstanceId, r.GetString(4), r.GetString(5), r.GetInt64(6)))
                : default)
            : new(RuntimeSql.SelectEventBookmarksByKey, [key.EventName, key.CorrelationKey!], r => new WaiterRow(EventWaiter(r), null));
    }

    /// <summary>The bookmarks waiting for an event with this correlation key, with their instances' revisions.</summary>
    public static Lookup<(Waiter? Waiter, long Revision)> WaiterRevisions(EventKey key) =>
        new(RuntimeSql.SelectEventWaiterRevisionsByKey, [key.EventName, key.CorrelationKey!], r => (EventWaiter(r), r.GetInt64(4)));

    /// <summary>The buffered events a wait point with this key may take, oldest first, unexpired at <paramref name="now"/>.</summary>
    public static Lookup<BufferedRow> Buffered(EventKey key, DateTime now) => key.CorrelationKey is null
        ? new(RuntimeSql.SelectBufferedEventsWithoutKey, [key.EventName, now], BufferedEvent)
        : new(RuntimeSql.SelectBufferedEventsByKey, [key.EventName, key.CorrelationKey, now], BufferedEvent);

    /// <summary>A row when the occurrence has started its instance.</summary>
    public static Lookup<bool> Occurrence(TriggerOccurrence occurrence) =>
        new(RuntimeSql.SelectOccurrence, [occurrence.DefinitionVersionId, occurrence.ActivityId, occurrence.OccursAt], _ => true);

    /// <summary>
    /// Whether the version is published. <paramref name="holdUntilCommit"/> (PostgreSQL, in the writer's transaction)
    /// also keeps a retire from committing until this transaction has, so a start cannot slip past a retire.
    /// </summary>
    public static Lookup<bool> Published(string versionId, bool holdUntilCommit = false) =>
        new(holdUntilCommit ? RuntimeSql.SelectPublishedForShare : RuntimeSql.SelectPublished, [versionId], r => r.GetBoolean(0));

    private static Waiter? EventWaiter(DbDataReader reader) =>
        reader.GetString(3) == nameof(BookmarkKind.Event) ? new Waiter(reader.GetString(0), reader.GetString(1)) : null;

    private static BufferedRow BufferedEvent(DbDataReader reader) => new(reader.GetString(0), NullableString(reader, 1));

    private static InstanceRow ReadInstance(DbDataReader r) => new(r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt64(3));

    private static string? NullableString(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}

using System.Data.Common;
using CareFlows.Engine.Bookmarks;

namespace CareFlows.Server.Runtime;

/// <summary>An instance row as the runtime reads it: the state document and the revision it must commit over.</summary>
internal sealed record InstanceRow(string Id, string VersionId, string State, long Revision);

/// <summary>What an idempotency key was first used for.</summary>
internal sealed record ReceiptRow(string EventName, string? CorrelationKey, string? PayloadHash);

/// <summary>An event bookmark waiting for an event, and its instance.</summary>
internal readonly record struct Waiter(string BookmarkId, string InstanceId);

/// <summary>A buffered event a wait point may take.</summary>
internal readonly record struct BufferedRow(string Id, string? Payload);

/// <summary>Reads the rows of the <see cref="RuntimeSql"/> queries, column by column as the queries list them.</summary>
internal static class RuntimeRows
{
    public static InstanceRow Instance(DbDataReader reader) =>
        new(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3));

    /// <summary>
    /// A row of <see cref="RuntimeSql.SelectEventBookmarks"/> or <see cref="RuntimeSql.SelectEventWaitersByKey"/>, if its
    /// bookmark waits for an event (the queries leave the kind out of their WHERE clause; see there).
    /// </summary>
    public static Waiter? EventWaiter(DbDataReader reader) =>
        reader.GetString(3) == nameof(BookmarkKind.Event) ? new Waiter(reader.GetString(0), reader.GetString(1)) : null;

    /// <summary>The instance joined to a row of <see cref="RuntimeSql.SelectEventWaitersByKey"/>.</summary>
    public static InstanceRow WaiterInstance(DbDataReader reader) =>
        new(reader.GetString(1), reader.GetString(4), reader.GetString(5), reader.GetInt64(6));

    public static BufferedRow Buffered(DbDataReader reader) =>
        new(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1));

    public static ReceiptRow Receipt(DbDataReader reader) =>
        new(reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3));

    /// <summary>The waiters query for an event key: by name and key, or by name alone for an event without a key.</summary>
    public static (string Sql, object[] Values) WaitersQuery(EventKey key, bool withInstances) => key.IsUnkeyed
        ? (RuntimeSql.SelectEventBookmarks, [key.EventName])
        : (withInstances ? RuntimeSql.SelectEventWaitersByKey : RuntimeSql.SelectEventBookmarksByKey, [key.EventName, key.CorrelationKey!]);

    /// <summary>The buffered events a wait point with this key may take, oldest first, unexpired at <paramref name="now"/>.</summary>
    public static (string Sql, object[] Values) BufferedQuery(EventKey key, DateTime now) => key.CorrelationKey is null
        ? (RuntimeSql.SelectBufferedEventsWithoutKey, [key.EventName, now])
        : (RuntimeSql.SelectBufferedEventsByKey, [key.EventName, key.CorrelationKey, now]);

    public static object[] OccurrenceValues(TriggerOccurrence occurrence) =>
        [occurrence.DefinitionVersionId, occurrence.ActivityId, occurrence.OccursAt];
}

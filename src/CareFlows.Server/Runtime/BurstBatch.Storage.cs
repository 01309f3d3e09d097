using System.Data.Common;
using CareFlows.Engine.Bookmarks;
using CareFlows.Engine.Execution;
using CareFlows.Server.Persistence;

namespace CareFlows.Server.Runtime;

internal sealed partial class BurstBatch
{
    /// <summary>
    /// Reads up front, in one round trip for the whole batch, what its requests would look up one by one: the
    /// idempotency receipts of its events, the bookmarks waiting for them with their instances, the instances its other
    /// requests name and the buffered events the instances it starts are likely to take.
    /// The batch's own writes are not yet in the database, so these answers are the ones each lookup would get.
    /// </summary>
    private async Task PreloadAsync(IReadOnlyList<WorkItem> items, CancellationToken cancellationToken)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var lookups = new LookupQueue(writer);
        var rows = new List<InstanceRow>();
        LockEventKeys(lookups, items.SelectMany(EventKeysLookedUp));
        foreach (var item in items)
        {
            switch (item)
            {
                case ResumeWork r:
                    ids.Add(r.InstanceId);
                    break;
                case CancelWork c:
                    ids.Add(c.InstanceId);
                    break;
                case EventWork e:
                    PreloadEvent(lookups, e, rows);
                    break;
                case StartWork s:
                    PreloadBufferedEvents(lookups, s);
                    break;
            }
        }

        foreach (var id in ids)
        {
            AddInstanceLookup(lookups, id, rows);
        }

        lookups.Run();
        await AddSlotsAsync(rows, cancellationToken);
    }

    private void PreloadEvent(LookupQueue lookups, EventWork work, List<InstanceRow> rows)
    {
        if (work.IdempotencyKey is { } key && _preloadedReceipts.TryAdd(key, false))
        {
            lookups.Add(RuntimeSql.SelectReceipt, [key], reader => _preloadedReceipts[reader.GetString(0)] = true);
        }

        if (!string.IsNullOrEmpty(work.CorrelationKey) && _preloadedEventBookmarks.TryAdd((work.EventName, work.CorrelationKey), []))
        {
            var waiting = _preloadedEventBookmarks[(work.EventName, work.CorrelationKey)];
            lookups.Add(RuntimeSql.SelectEventWaitersByKey, [work.EventName, work.CorrelationKey], reader =>
            {
                if (ReadEventBookmark(reader) is { } bookmark)
                {
                    waiting.Add(bookmark);
                    rows.Add(new InstanceRow(bookmark.InstanceId, reader.GetString(4), reader.GetString(5), reader.GetInt64(6)));
                }
            });
        }
    }

    /// <summary>
    /// The buffered events for the wait points a new instance is likely to reach. Only for the instances the batch
    /// starts: they nearly always reach a wait point. Resumed instances are more often on their way out, and a query
    /// for them would mostly come back empty.
    /// </summary>
    private void PreloadBufferedEvents(LookupQueue lookups, StartWork start)
    {
        var now = runtime.Clock.GetUtcNow().UtcDateTime;
        foreach (var (name, correlationKey) in LikelyWaits(start))
        {
            if (_preloadedBufferedEvents.TryAdd((name, correlationKey), []))
            {
                var buffered = _preloadedBufferedEvents[(name, correlationKey)];
                lookups.Add(RuntimeSql.SelectBufferedEventsByKey, [name, correlationKey, now], reader => buffered.Add(ReadBufferedEvent(reader)));
            }
        }
    }

    private static void AddInstanceLookup(LookupQueue lookups, string id, List<InstanceRow> rows) =>
        lookups.Add(RuntimeSql.SelectInstance, [id],
            reader => rows.Add(new InstanceRow(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3))));

    private static (string BookmarkId, string InstanceId)? ReadEventBookmark(DbDataReader reader) =>
        reader.GetString(3) == nameof(BookmarkKind.Event) ? (reader.GetString(0), reader.GetString(1)) : null;

    private static (string Id, string? Payload) ReadBufferedEvent(DbDataReader reader) =>
        (reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1));

    private async Task LoadAsync(string id, CancellationToken cancellationToken)
    {
        var rows = new List<InstanceRow>();
        var lookups = new LookupQueue(writer);
        AddInstanceLookup(lookups, id, rows);
        lookups.Run();
        await AddSlotsAsync(rows, cancellationToken);
    }

    /// <summary>One lookup the preload did not foresee, run at once, after taking the lock of the event key it reads under, if any.</summary>
    private void LookUp(string sql, object[] values, Action<DbDataReader> read, (string Name, string? Key)? eventKey = null)
    {
        var lookups = new LookupQueue(writer);
        if (eventKey is { } key)
        {
            LockEventKeys(lookups, [key]);
        }

        lookups.Add(sql, values, read);
        lookups.Run();
    }

    private async Task AddSlotsAsync(List<InstanceRow> rows, CancellationToken cancellationToken)
    {
        foreach (var (id, versionId, json, revision) in rows)
        {
            if (_instances.ContainsKey(id))
            {
                continue;
            }

            var workflow = await runtime.Catalog.GetByVersionIdAsync(versionId, cancellationToken);
            var state = WorkflowStateSerializer.Deserialize(json, workflow);
            _instances[id] = new InstanceSlot(workflow, state, revision, isNew: false);
        }
    }

    // Journal rows are inserted this many to a statement.
    private const int JournalRowsPerInsert = 8;
    private const int JournalColumns = 8;
    private static readonly string InsertJournalRows = RuntimeSql.MultiRow(RuntimeSql.InsertJournal, JournalRowsPerInsert, JournalColumns);

    private sealed record InstanceRow(string Id, string VersionId, string State, long Revision);

    /// <summary>Writes everything the batch changed. Parents go first, as the foreign keys require.</summary>
    private void Write()
    {
        var statements = new StatementQueue(writer);
        foreach (var slot in _instances.Values.Where(s => s.Changed))
        {
            var state = slot.State;
            var json = WorkflowStateSerializer.Serialize(state);
            var finishedAt = TypedNull.Of(state.FinishedAt?.UtcDateTime);
            var name = TypedNull.Of(state.Name);
            var correlationId = TypedNull.Of(state.CorrelationId);
            if (slot.IsNew)
            {
                statements.Add(RuntimeSql.InsertInstance,
                [
                    state.Id, state.DefinitionId, state.DefinitionVersionId, state.DefinitionVersion, name, correlationId,
                    state.Status.ToString(), state.SubStatus.ToString(), state.Incidents.Count, json,
                    state.CreatedAt.UtcDateTime, state.UpdatedAt.UtcDateTime, finishedAt,
                ]);
            }
            else
            {
                statements.Add(writer.CommitsWithWrites ? RuntimeSql.UpdateInstanceOrFail : RuntimeSql.UpdateInstance,
                [
                    state.Id, name, correlationId, state.Status.ToString(), state.SubStatus.ToString(), state.Incidents.Count, json,
                    state.UpdatedAt.UtcDateTime, finishedAt, slot.Revision,
                ],
                conflictKey: state.Id);
            }
        }

        foreach (var removed in _removedBookmarks.Keys)
        {
            statements.Add(RuntimeSql.DeleteBookmark, [removed]);
        }

        foreach (var (instanceId, b) in _createdBookmarks.Values)
        {
            statements.Add(RuntimeSql.InsertBookmark,
            [
                b.Id, instanceId, b.Kind.ToString(), b.Name, b.ActivityId, TypedNull.Of(b.DueAt?.UtcDateTime), TypedNull.Of(b.EventName),
                TypedNull.Of(b.CorrelationKey), TypedNull.Of(b.TaskId),
                b.CreatedAt.UtcDateTime,
            ]);
        }

        if (runtime.Provider == DatabaseProvider.Postgres)
        {
            AddJournalAsArrays(statements);
        }
        else
        {
            AddJournalAsRows(statements);
        }

        foreach (var id in _bufferedDeletes)
        {
            statements.Add(RuntimeSql.DeleteBufferedEvent, [id]);
        }

        foreach (var e in _bufferedInserts.Values)
        {
            statements.Add(RuntimeSql.InsertBufferedEvent,
                [e.Id, e.EventName, TypedNull.Of(e.CorrelationKey), TypedNull.Of(e.Payload), TypedNull.Of(e.IdempotencyKey), e.ReceivedAt, e.ExpiresAt]);
        }

        foreach (var r in _receipts.Values)
        {
            statements.Add(RuntimeSql.InsertReceipt, [r.IdempotencyKey, r.EventName, r.ReceivedAt, r.Delivered, r.Buffered]);
        }

        statements.Flush();
    }

    /// <summary>PostgreSQL: every journal row of the batch in one statement, a column to an array parameter.</summary>
    private void AddJournalAsArrays(StatementQueue statements)
    {
        if (_journal.Count == 0)
        {
            return;
        }

        statements.Add(RuntimeSql.InsertJournalArrays,
        [
            _journal.Select(j => j.InstanceId).ToArray(),
            _journal.Select(j => j.Entry.Sequence).ToArray(),
            _journal.Select(j => j.Entry.Timestamp.UtcDateTime).ToArray(),
            _journal.Select(j => j.Entry.ActivityId).ToArray(),
            _journal.Select(j => j.Entry.ActivityType).ToArray(),
            _journal.Select(j => j.Entry.ActivityName).ToArray(),
            _journal.Select(j => j.Entry.EventName).ToArray(),
            _journal.Select(j => j.Entry.Message).ToArray(),
        ]);
    }

    /// <summary>Several journal rows to a statement; the rest of a batch's rows one by one, so two statement shapes serve all.</summary>
    private void AddJournalAsRows(StatementQueue statements)
    {
        var fullChunks = _journal.Count / JournalRowsPerInsert * JournalRowsPerInsert;
        for (var i = 0; i < _journal.Count; i += i < fullChunks ? JournalRowsPerInsert : 1)
        {
            var rows = i < fullChunks ? JournalRowsPerInsert : 1;
            var values = new object?[rows * JournalColumns];
            for (var row = 0; row < rows; row++)
            {
                var (instanceId, e) = _journal[i + row];
                object?[] columns = [instanceId, e.Sequence, e.Timestamp.UtcDateTime, e.ActivityId, e.ActivityType, TypedNull.Of(e.ActivityName), e.EventName, TypedNull.Of(e.Message)];
                columns.CopyTo(values, row * JournalColumns);
            }

            statements.Add(rows == 1 ? RuntimeSql.InsertJournal : InsertJournalRows, values);
        }
    }
}

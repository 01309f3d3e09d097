using System.Data.Common;
using CareFlows.Engine.Bookmarks;
using CareFlows.Engine.Execution;

namespace CareFlows.Server.Runtime;

internal sealed partial class BurstBatch
{
    /// <summary>
    /// Reads up front, a few queries for the whole batch, what its requests would look up one by one: the idempotency
    /// receipts of its events, the bookmarks waiting for them, the instances these and its other requests name,
    /// and the buffered events the instances it starts are likely to take. The batch's own writes are not yet in the database,
    /// so these answers are the ones each lookup would get.
    /// </summary>
    private async Task PreloadAsync(IReadOnlyList<WorkItem> items, CancellationToken cancellationToken)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var events = new List<EventWork>();
        var starts = new List<StartWork>();
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
                    events.Add(e);
                    break;
                case StartWork s:
                    starts.Add(s);
                    break;
            }
        }

        PreloadReceipts(events);
        foreach (var byName in events.Where(e => !string.IsNullOrEmpty(e.CorrelationKey)).GroupBy(e => e.EventName, StringComparer.Ordinal))
        {
            var correlationKeys = byName.Select(e => e.CorrelationKey!).Distinct(StringComparer.Ordinal).ToList();
            foreach (var key in correlationKeys)
            {
                _preloadedEventBookmarks[(byName.Key, key)] = [];
            }

            QueryIn(RuntimeSql.SelectEventBookmarksByKeysPrefix, [byName.Key], correlationKeys, "", reader =>
            {
                if (reader.GetString(3) == nameof(BookmarkKind.Event))
                {
                    _preloadedEventBookmarks[(byName.Key, reader.GetString(2))].Add((reader.GetString(0), reader.GetString(1)));
                    ids.Add(reader.GetString(1));
                }
            });
        }

        // Two plain index lookups rather than one join: on tables whose statistics lag behind their growth (a new
        // database filling up), the planner may hash-join the whole instances table instead.
        ids.ExceptWith(_instances.Keys);
        if (ids.Count > 0)
        {
            await LoadAsync([.. ids], cancellationToken);
        }

        // Only for the instances the batch starts: they nearly always reach a wait point. Resumed instances are more
        // often on their way out, and a query for them would mostly come back empty.
        PreloadBufferedEvents(starts.Select(s => (s.Workflow.DefinitionVersionId, s.Request.CorrelationId)));
    }

    private void PreloadReceipts(List<EventWork> events)
    {
        var keys = events.Select(e => e.IdempotencyKey).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        foreach (var key in keys)
        {
            _preloadedReceipts[key] = false;
        }

        QueryIn(RuntimeSql.SelectReceiptsPrefix, [], keys, "", reader => _preloadedReceipts[reader.GetString(0)] = true);
    }

    /// <summary>The buffered events for every event name each new instance's version is known to wait for, under its correlation id.</summary>
    private void PreloadBufferedEvents(IEnumerable<(string VersionId, string? CorrelationId)> instances)
    {
        var wanted = instances
            .Where(i => !string.IsNullOrEmpty(i.CorrelationId))
            .SelectMany(i => runtime.EventWaits.For(i.VersionId).Select(name => (Name: name, Key: i.CorrelationId!)))
            .Distinct()
            .GroupBy(w => w.Name, w => w.Key, StringComparer.Ordinal);
        var now = runtime.Clock.GetUtcNow().UtcDateTime;
        foreach (var byName in wanted)
        {
            var keys = byName.ToList();
            foreach (var key in keys)
            {
                _preloadedBufferedEvents[(byName.Key, key)] = [];
            }

            QueryIn(RuntimeSql.SelectBufferedEventsByKeysPrefix, [byName.Key, now], keys, RuntimeSql.OrderByReceivedAt,
                reader => _preloadedBufferedEvents[(byName.Key, reader.GetString(2))].Add((reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1))));
        }
    }

    private async Task LoadAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        var rows = new List<InstanceRow>();
        QueryIn(RuntimeSql.SelectInstancesPrefix, [], ids, "",
            reader => rows.Add(new InstanceRow(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3))));
        await AddSlotsAsync(rows, cancellationToken);
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

    /// <summary>
    /// Runs <paramref name="prefix"/> + "@p…)" + <paramref name="suffix"/> with <paramref name="values"/> as the IN list,
    /// after the leading parameters, in chunks; each list is padded by repeating its last value, which IN ignores, to a
    /// shared size.
    /// </summary>
    private void QueryIn(string prefix, object?[] leading, IReadOnlyList<string> values, string suffix, Action<DbDataReader> read)
    {
        foreach (var chunk in values.Chunk(WriterConnection.MaxInList))
        {
            var padded = WriterConnection.PaddedCount(chunk.Length);
            var parameters = new object?[leading.Length + padded];
            leading.CopyTo(parameters, 0);
            for (var i = 0; i < padded; i++)
            {
                parameters[leading.Length + i] = chunk[Math.Min(i, chunk.Length - 1)];
            }

            var command = Command(prefix + WriterConnection.InList(leading.Length, padded) + ")" + suffix, parameters);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                read(reader);
            }
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
                statements.Add(RuntimeSql.UpdateInstance,
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

        // Journal rows go several to a statement; the rest of a batch's rows one by one, so two statement shapes serve all.
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
}

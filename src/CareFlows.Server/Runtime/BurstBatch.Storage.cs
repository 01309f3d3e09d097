using System.Globalization;
using CareFlows.Engine.Execution;

namespace CareFlows.Server.Runtime;

internal sealed partial class BurstBatch
{
    /// <summary>Loads, in one query, every instance the batch's requests name.</summary>
    private Task PreloadAsync(IReadOnlyList<WorkItem> items, CancellationToken cancellationToken)
    {
        var ids = items.Select(i => i switch
            {
                ResumeWork r => r.InstanceId,
                CancelWork c => c.InstanceId,
                _ => null,
            })
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return ids.Count == 0 ? Task.CompletedTask : LoadAsync(ids, cancellationToken);
    }

    private async Task LoadAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        var rows = new List<(string Id, string VersionId, string State, long Revision)>();
        await using (var command = Command(
            RuntimeSql.SelectInstancesPrefix + string.Join(',', ids.Select((_, i) => "@p" + i.ToString(CultureInfo.InvariantCulture))) + ")",
            [.. ids]))
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3)));
            }
        }

        foreach (var (id, versionId, json, revision) in rows)
        {
            var workflow = await runtime.Catalog.GetByVersionIdAsync(versionId, cancellationToken);
            var state = WorkflowStateSerializer.Deserialize(json, workflow);
            _instances[id] = new InstanceSlot(workflow, state, revision, isNew: false);
        }
    }

    /// <summary>Writes everything the batch changed. Parents go first, as the foreign keys require.</summary>
    private async Task WriteAsync(CancellationToken cancellationToken)
    {
        var statements = new StatementQueue(connection, transaction, runtime.Provider);
        foreach (var slot in _instances.Values.Where(s => s.Changed))
        {
            var state = slot.State;
            var json = WorkflowStateSerializer.Serialize(state);
            var finishedAt = state.FinishedAt?.UtcDateTime;
            if (slot.IsNew)
            {
                statements.Add(RuntimeSql.InsertInstance,
                [
                    state.Id, state.DefinitionId, state.DefinitionVersionId, state.DefinitionVersion, state.Name, state.CorrelationId,
                    state.Status.ToString(), state.SubStatus.ToString(), state.Incidents.Count, json,
                    state.CreatedAt.UtcDateTime, state.UpdatedAt.UtcDateTime, finishedAt,
                ]);
            }
            else
            {
                statements.Add(RuntimeSql.UpdateInstance,
                [
                    state.Id, state.Name, state.CorrelationId, state.Status.ToString(), state.SubStatus.ToString(), state.Incidents.Count, json,
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
                b.Id, instanceId, b.Kind.ToString(), b.Name, b.ActivityId, b.DueAt?.UtcDateTime, b.EventName, b.CorrelationKey, b.TaskId,
                b.CreatedAt.UtcDateTime,
            ]);
        }

        foreach (var (instanceId, e) in _journal)
        {
            statements.Add(RuntimeSql.InsertJournal,
                [instanceId, e.Sequence, e.Timestamp.UtcDateTime, e.ActivityId, e.ActivityType, e.ActivityName, e.EventName, e.Message]);
        }

        foreach (var id in _bufferedDeletes)
        {
            statements.Add(RuntimeSql.DeleteBufferedEvent, [id]);
        }

        foreach (var e in _bufferedInserts.Values)
        {
            statements.Add(RuntimeSql.InsertBufferedEvent, [e.Id, e.EventName, e.CorrelationKey, e.Payload, e.IdempotencyKey, e.ReceivedAt, e.ExpiresAt]);
        }

        foreach (var r in _receipts.Values)
        {
            statements.Add(RuntimeSql.InsertReceipt, [r.IdempotencyKey, r.EventName, r.ReceivedAt, r.Delivered, r.Buffered]);
        }

        await statements.FlushAsync(cancellationToken);
    }
}

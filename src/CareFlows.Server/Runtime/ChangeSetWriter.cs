using CareFlows.Engine.Activities.Tasks;
using CareFlows.Server.Audit;
using CareFlows.Server.Persistence;
using CareFlows.Server.Persistence.Entities;

namespace CareFlows.Server.Runtime;

/// <summary>
/// Writes a batch's admitted change sets in the writer's transaction, in one go (see <see cref="StatementQueue"/>).
/// Parents go first, as the foreign keys require: instances, then bookmarks and journal entries.
/// </summary>
internal static class ChangeSetWriter
{
    // Journal rows (on SQLite) and task history rows are inserted this many to a statement.
    private const int RowsPerInsert = 8;
    private const int JournalColumns = 8;
    private const int HistoryColumns = 6;
    private static readonly string InsertJournalRows = RuntimeSql.MultiRow(RuntimeSql.InsertJournal, RowsPerInsert, JournalColumns);
    private static readonly string InsertHistoryRows = RuntimeSql.MultiRow(RuntimeSql.InsertTaskHistory, RowsPerInsert, HistoryColumns);

    /// <param name="writer">The writer, its transaction begun.</param>
    /// <param name="batch">The admitted change sets, in order.</param>
    /// <param name="guardTaskRevisions">
    /// Whether the task revisions the change sets were decided on are checked here, in the writes, rather than read
    /// before them (see <see cref="Admission.GuardsInWrites"/>); first, before any write moves them.
    /// </param>
    /// <param name="auditHead">What the writer knows of the audit chain's end (see <see cref="AuditHead"/>).</param>
    public static void Write(RuntimeConnection writer, IReadOnlyList<ChangeSet> batch, bool guardTaskRevisions, AuditHead auditHead)
    {
        var statements = new StatementQueue(writer);
        if (guardTaskRevisions)
        {
            foreach (var (taskId, revision) in batch.SelectMany(c => c.Reads.TaskRevisions))
            {
                statements.Add(RuntimeSql.GuardTaskRevision, [taskId, revision], conflictKey: taskId);
            }
        }

        foreach (var i in batch.SelectMany(c => c.Instances))
        {
            var name = TypedNull.Of(i.Name);
            var correlationId = TypedNull.Of(i.CorrelationId);
            var finishedAt = TypedNull.Of(i.FinishedAt);
            if (i.IsNew)
            {
                statements.Add(RuntimeSql.InsertInstance,
                [
                    i.Id, i.DefinitionId, i.DefinitionVersionId, i.DefinitionVersion, name, correlationId,
                    i.Status, i.SubStatus, i.IncidentCount, i.State, i.CreatedAt, i.UpdatedAt, finishedAt,
                ]);
            }
            else
            {
                statements.Add(writer.CommitsWithWrites ? RuntimeSql.UpdateInstanceOrFail : RuntimeSql.UpdateInstance,
                    [i.Id, name, correlationId, i.Status, i.SubStatus, i.IncidentCount, i.State, i.UpdatedAt, finishedAt, i.Revision],
                    conflictKey: i.Id);
            }
        }

        AddTasks(statements, batch);

        foreach (var removed in batch.SelectMany(c => c.RemovedBookmarks.Keys))
        {
            statements.Add(RuntimeSql.DeleteBookmark, [removed]);
        }

        foreach (var (instanceId, b) in batch.SelectMany(c => c.CreatedBookmarks.Values))
        {
            statements.Add(RuntimeSql.InsertBookmark,
            [
                b.Id, instanceId, b.Kind.ToString(), b.Name, b.ActivityId, TypedNull.Of(b.DueAt?.UtcDateTime), TypedNull.Of(b.EventName),
                TypedNull.Of(b.CorrelationKey), TypedNull.Of(b.TaskId), b.CreatedAt.UtcDateTime,
            ]);
        }

        var journal = batch.SelectMany(c => c.Journal).ToList();
        if (writer.Provider == DatabaseProvider.Postgres)
        {
            AddJournalAsArrays(statements, journal);
        }
        else
        {
            AddJournalAsRows(statements, journal);
        }

        foreach (var id in batch.SelectMany(c => c.BufferedDeletes))
        {
            statements.Add(RuntimeSql.DeleteBufferedEvent, [id]);
        }

        foreach (var e in batch.SelectMany(c => c.BufferedInserts.Values))
        {
            statements.Add(RuntimeSql.InsertBufferedEvent,
                [e.Id, e.EventName, TypedNull.Of(e.CorrelationKey), TypedNull.Of(e.Payload), TypedNull.Of(e.IdempotencyKey), e.ReceivedAt, e.ExpiresAt]);
        }

        foreach (var r in batch.SelectMany(c => c.Receipts.Values))
        {
            statements.Add(RuntimeSql.InsertReceipt,
                [r.IdempotencyKey, r.EventName, TypedNull.Of(r.CorrelationKey), TypedNull.Of(r.PayloadHash), r.ReceivedAt, r.Delivered, r.Buffered]);
        }

        foreach (var o in batch.SelectMany(c => c.Occurrences))
        {
            statements.Add(RuntimeSql.InsertOccurrence, [o.DefinitionVersionId, o.ActivityId, o.OccursAt, o.InstanceId, o.StartedAt]);
        }

        AddAudit(writer, statements, batch, auditHead);
        statements.Flush();
    }

    /// <summary>Tasks created (after their instances, before their teams and history) and tasks ended.</summary>
    private static void AddTasks(StatementQueue statements, IReadOnlyList<ChangeSet> batch)
    {
        var history = new List<InboxTaskHistoryRecord>();
        foreach (var created in batch.SelectMany(c => c.NewTasks.Values))
        {
            var t = created.Task;
            statements.Add(RuntimeSql.InsertTask, InboxTaskColumns.Values(t));
            foreach (var team in created.Teams)
            {
                statements.Add(RuntimeSql.InsertTaskTeam,
                    [t.Id, team, InboxTaskTeamRecord.IsQueued(t.Status, t.Owner), t.DueAt ?? InboxTaskTeamRecord.NoDueTime, t.PriorityRank]);
            }

            history.Add(created.History);
            if (created.Ended is { } ended)
            {
                history.Add(ended);
            }
        }

        var endedWithUpdate = new HashSet<InboxTaskChange>();
        foreach (var changes in batch)
        {
            foreach (var update in changes.TaskUpdates.Values)
            {
                var end = changes.TaskEndOf(update.TaskId);
                AddUpdate(statements, update, end);
                history.AddRange(update.History);
                if (end is not null)
                {
                    endedWithUpdate.Add(end);
                    history.Add(end.History);
                }
            }
        }

        history.AddRange(batch.SelectMany(c => c.TaskNotes));
        foreach (var n in batch.SelectMany(c => c.Notifications))
        {
            statements.Add(RuntimeSql.InsertNotification, [n.UserId, n.Kind, TypedNull.Of(n.TaskId), n.Message, n.CreatedAt]);
        }

        foreach (var change in batch.SelectMany(c => c.TaskChanges).Where(c => !endedWithUpdate.Contains(c)))
        {
            statements.Add(RuntimeSql.EndTask,
                [change.TaskId, change.Status, TypedNull.Of(change.Outcome), TypedNull.Of(change.Result), change.At, change.At]);
            statements.Add(RuntimeSql.UpdateTaskQueue, [change.TaskId, false, 0]);
            history.Add(change.History);
        }

        AddInChunks(statements, RuntimeSql.InsertTaskHistory, InsertHistoryRows, HistoryColumns,
            history.ConvertAll(h => new object?[] { h.TaskId, h.At, TypedNull.Of(h.Actor), h.Action, h.Status, TypedNull.Of(h.Details) }));
    }

    /// <summary>
    /// A person's change to a task, and its queue rows; with <paramref name="end"/>, the task also ended in the same
    /// request (claimed on the way to its completion), written as one change of the row rather than two.
    /// </summary>
    private static void AddUpdate(StatementQueue statements, InboxTaskUpdate update, InboxTaskChange? end)
    {
        var rank = HumanTask.PriorityRank(update.Priority);
        if (end is null)
        {
            statements.Add(RuntimeSql.UpdateTask,
                [update.TaskId, update.Status, TypedNull.Of(update.Owner), update.Priority, rank, TypedNull.Of(update.StartedAt), update.At]);
        }
        else
        {
            statements.Add(RuntimeSql.UpdateAndEndTask,
            [
                update.TaskId, end.Status, TypedNull.Of(update.Owner), update.Priority, rank, TypedNull.Of(update.StartedAt),
                TypedNull.Of(end.Outcome), TypedNull.Of(end.Result), end.At, end.At,
            ]);
        }

        var queued = end is null && InboxTaskTeamRecord.IsQueued(update.Status, update.Owner);
        if (update.Teams is { } teams)
        {
            statements.Add(RuntimeSql.DeleteTaskTeams, [update.TaskId]);
            foreach (var team in teams)
            {
                statements.Add(RuntimeSql.InsertTaskTeam, [update.TaskId, team, queued, update.DueAt ?? InboxTaskTeamRecord.NoDueTime, rank]);
            }
        }
        else
        {
            statements.Add(RuntimeSql.UpdateTaskQueue, [update.TaskId, queued, end is null ? rank : 0]);
        }
    }

    /// <summary>
    /// The batch's audit records, chained after the chain's end (one head update per batch, so that group commit keeps
    /// its batching; see <see cref="AuditLog"/>). The end is locked and read first, unless the writes carry the COMMIT
    /// and the writer knows the end its last batch left: then the head's update is guarded instead (<see cref="AuditHead"/>).
    /// </summary>
    private static void AddAudit(RuntimeConnection writer, StatementQueue statements, IReadOnlyList<ChangeSet> batch, AuditHead auditHead)
    {
        if (!batch.Any(c => c.Audit.Count > 0))
        {
            return;
        }

        var guess = writer.CommitsWithWrites ? auditHead.Guess : null;
        var (sequence, hash) = guess ?? ClaimHead(writer);
        var records = AuditChain.Link(batch.SelectMany(c => c.Audit), sequence, hash);

        // The head first: a guessed head that moved fails its guard here, before the records' sequence numbers collide.
        var (last, lastHash) = (records[^1].Sequence, records[^1].Hash);
        if (guess is null)
        {
            statements.Add(RuntimeSql.UpdateAuditHead, [Persistence.Entities.AuditChainHead.SingleId, last, lastHash]);
        }
        else
        {
            statements.Add(RuntimeSql.UpdateAuditHeadOrFail, [Persistence.Entities.AuditChainHead.SingleId, last, lastHash, sequence], conflictKey: AuditHead.ConflictKey);
        }

        if (writer.Provider == DatabaseProvider.Postgres)
        {
            AddAuditAsArrays(statements, records);
        }
        else
        {
            // One row to a statement: SQLite binds parameters by name, a lookup that grows with the statement's width,
            // and an audit record is wide.
            foreach (var r in records)
            {
                statements.Add(RuntimeSql.InsertAuditRecord,
                [
                    r.Sequence, r.OccurredAt, r.ActorType, TypedNull.Of(r.ActorId), r.Operation, r.Action, r.EntityType, TypedNull.Of(r.EntityId),
                    TypedNull.Of(r.PatientId), TypedNull.Of(r.Before), TypedNull.Of(r.After), r.Outcome, TypedNull.Of(r.ClientAddress),
                    TypedNull.Of(r.UserAgent), TypedNull.Of(r.PurposeOfUse), TypedNull.Of(r.Reason), TypedNull.Of(r.CorrelationId),
                    TypedNull.Of(r.DefinitionId), TypedNull.Of(r.DefinitionVersion), TypedNull.Of(r.InstanceId), r.PreviousHash, r.Hash,
                ]);
            }
        }

        auditHead.Writing(last, lastHash);
    }

    /// <summary>PostgreSQL: every audit record of the batch in one statement, a column to an array parameter.</summary>
    private static void AddAuditAsArrays(StatementQueue statements, List<Persistence.Entities.AuditRecord> records) =>
        statements.Add(RuntimeSql.InsertAuditRecordArrays,
        [
            records.Select(r => r.Sequence).ToArray(), records.Select(r => r.OccurredAt).ToArray(), records.Select(r => r.ActorType).ToArray(),
            records.Select(r => r.ActorId).ToArray(), records.Select(r => r.Operation).ToArray(), records.Select(r => r.Action).ToArray(),
            records.Select(r => r.EntityType).ToArray(), records.Select(r => r.EntityId).ToArray(), records.Select(r => r.PatientId).ToArray(),
            records.Select(r => r.Before).ToArray(), records.Select(r => r.After).ToArray(), records.Select(r => r.Outcome).ToArray(),
            records.Select(r => r.ClientAddress).ToArray(), records.Select(r => r.UserAgent).ToArray(), records.Select(r => r.PurposeOfUse).ToArray(),
            records.Select(r => r.Reason).ToArray(), records.Select(r => r.CorrelationId).ToArray(), records.Select(r => r.DefinitionId).ToArray(),
            records.Select(r => r.DefinitionVersion).ToArray(), records.Select(r => r.InstanceId).ToArray(), records.Select(r => r.PreviousHash).ToArray(),
            records.Select(r => r.Hash).ToArray(),
        ]);

    /// <summary>Locks the chain's end until the batch's transaction ends, and reads it: one round trip.</summary>
    private static (long Sequence, string Hash) ClaimHead(RuntimeConnection writer)
    {
        var (sequence, hash) = (0L, "");
        var claim = writer.Provider == DatabaseProvider.SqlServer ? RuntimeSql.ClaimAuditHeadSqlServer : RuntimeSql.ClaimAuditHead;
        var lookups = new LookupQueue(writer);
        lookups.Add(claim, [Persistence.Entities.AuditChainHead.SingleId], r => (sequence, hash) = (r.GetInt64(0), r.GetString(1)));
        lookups.Run();
        return (sequence, hash);
    }

    /// <summary>PostgreSQL: every journal row of the batch in one statement, a column to an array parameter.</summary>
    private static void AddJournalAsArrays(StatementQueue statements, List<(string InstanceId, Engine.Journal.JournalEntry Entry)> journal)
    {
        if (journal.Count == 0)
        {
            return;
        }

        statements.Add(RuntimeSql.InsertJournalArrays,
        [
            journal.Select(j => j.InstanceId).ToArray(),
            journal.Select(j => j.Entry.Sequence).ToArray(),
            journal.Select(j => j.Entry.Timestamp.UtcDateTime).ToArray(),
            journal.Select(j => j.Entry.ActivityId).ToArray(),
            journal.Select(j => j.Entry.ActivityType).ToArray(),
            journal.Select(j => j.Entry.ActivityName).ToArray(),
            journal.Select(j => j.Entry.EventName).ToArray(),
            journal.Select(j => j.Entry.Message).ToArray(),
        ]);
    }

    private static void AddJournalAsRows(StatementQueue statements, List<(string InstanceId, Engine.Journal.JournalEntry Entry)> journal) =>
        AddInChunks(statements, RuntimeSql.InsertJournal, InsertJournalRows, JournalColumns, journal.ConvertAll(j => new object?[]
        {
            j.InstanceId, j.Entry.Sequence, j.Entry.Timestamp.UtcDateTime, j.Entry.ActivityId, j.Entry.ActivityType, TypedNull.Of(j.Entry.ActivityName),
            j.Entry.EventName, TypedNull.Of(j.Entry.Message),
        }));

    /// <summary>
    /// Rows inserted <see cref="RowsPerInsert"/> to a statement, and the rest one by one, so that two statement shapes
    /// (each kept prepared) serve any number of rows.
    /// </summary>
    private static void AddInChunks(StatementQueue statements, string insertOne, string insertChunk, int columns, List<object?[]> rows)
    {
        var fullChunks = rows.Count / RowsPerInsert * RowsPerInsert;
        for (var i = 0; i < rows.Count; i += i < fullChunks ? RowsPerInsert : 1)
        {
            var count = i < fullChunks ? RowsPerInsert : 1;
            var values = new object?[count * columns];
            for (var row = 0; row < count; row++)
            {
                rows[i + row].CopyTo(values, row * columns);
            }

            statements.Add(count == 1 ? insertOne : insertChunk, values);
        }
    }
}

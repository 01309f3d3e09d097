using System.Data.Common;
using Npgsql;

namespace CareFlows.Server.Runtime;

/// <summary>
/// Collects a batch's writes and sends them in one go: as one ADO.NET batch (one round trip) where the provider is
/// remote, or through the writer's kept prepared command per statement shape where it is in-process (SQLite). On
/// PostgreSQL the round trip carries the COMMIT as well, and a guarded row that did not change raises an error in the
/// database (see <see cref="RuntimeSql.UpdateInstanceOrFail"/>), which stops the COMMIT from running.
/// </summary>
internal sealed class StatementQueue(RuntimeConnection writer)
{
    private readonly List<Statement> _statements = [];

    /// <param name="sql">A statement from <see cref="RuntimeSql"/>, with parameters @p0, @p1, ….</param>
    /// <param name="values">The parameters' values, in order.</param>
    /// <param name="conflictKey">When set, the statement must change exactly one row, else that key is in conflict.</param>
    public void Add(string sql, object?[] values, string? conflictKey = null) => _statements.Add(new Statement(sql, values, conflictKey));

    /// <summary>
    /// Runs every queued statement, and on PostgreSQL commits them too; throws <see cref="InstanceConflictException"/>
    /// for a guarded row that did not change.
    /// </summary>
    public void Flush()
    {
        if (_statements.Count == 0)
        {
            return;
        }

        if (writer.CommitsWithWrites)
        {
            FlushAsBatch();
        }
        else
        {
            FlushOneByOne();
        }

        _statements.Clear();
    }

    private void FlushAsBatch()
    {
        var (batch, first) = writer.Batch(_statements.Select(s => (s.Sql, (IReadOnlyList<object?>)s.Values)), commit: true);
        using (batch)
        {
            try
            {
                batch.ExecuteNonQuery();
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DivisionByZero && ConflictKeyOf(e, batch, first) is { } key)
            {
                throw new InstanceConflictException(key);
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.NumericValueOutOfRange && _statements.Exists(s => s.ConflictKey == AuditHead.ConflictKey))
            {
                throw new InstanceConflictException(AuditHead.ConflictKey);
            }
        }

        writer.Committed();
    }

    /// <summary>
    /// The guarded row whose update failed: the failing statement's, where the provider names it, else the batch's
    /// first guarded row (the whole batch is rolled back and retried either way; the key only names the conflict).
    /// </summary>
    private string? ConflictKeyOf(PostgresException exception, DbBatch batch, int first)
    {
        var index = exception.BatchCommand is { } failed ? batch.BatchCommands.IndexOf(failed) - first : -1;
        return index >= 0 && index < _statements.Count && _statements[index].ConflictKey is { } key
            ? key
            : _statements.Select(s => s.ConflictKey).FirstOrDefault(k => k is not null and not AuditHead.ConflictKey);
    }

    private void FlushOneByOne()
    {
        foreach (var statement in _statements)
        {
            var changed = writer.Command(statement.Sql, statement.Values).ExecuteNonQuery();
            if (statement.ConflictKey is { } key && changed != 1)
            {
                throw new InstanceConflictException(key);
            }
        }
    }

    private sealed record Statement(string Sql, object?[] Values, string? ConflictKey);
}

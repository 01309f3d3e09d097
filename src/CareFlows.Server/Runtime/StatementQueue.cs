using CareFlows.Server.Persistence;

namespace CareFlows.Server.Runtime;

/// <summary>
/// Collects a batch's writes and sends them in one go: as one ADO.NET batch (one round trip) where the provider is
/// remote, or through the writer's kept prepared command per statement shape where it is in-process (SQLite).
/// </summary>
internal sealed class StatementQueue(WriterConnection writer)
{
    private readonly List<Statement> _statements = [];

    public int Count => _statements.Count;

    /// <param name="sql">A statement from <see cref="RuntimeSql"/>, with parameters @p0, @p1, ….</param>
    /// <param name="values">The parameters' values, in order.</param>
    /// <param name="conflictKey">When set, the statement must change exactly one row, else that key is in conflict.</param>
    public void Add(string sql, object?[] values, string? conflictKey = null) => _statements.Add(new Statement(sql, values, conflictKey));

    /// <summary>Runs every queued statement; throws <see cref="InstanceConflictException"/> for a guarded row that did not change.</summary>
    public void Flush()
    {
        if (_statements.Count == 0)
        {
            return;
        }

        if (writer.Provider == DatabaseProvider.Postgres)
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
        using var batch = writer.Batch(_statements.Select(s => (s.Sql, (IReadOnlyList<object?>)s.Values)));
        batch.ExecuteNonQuery();
        for (var i = 0; i < _statements.Count; i++)
        {
            if (_statements[i].ConflictKey is { } key && batch.BatchCommands[i].RecordsAffected != 1)
            {
                throw new InstanceConflictException(key);
            }
        }
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

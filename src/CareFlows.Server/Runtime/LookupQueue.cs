using System.Data.Common;
using CareFlows.Server.Persistence;

namespace CareFlows.Server.Runtime;

/// <summary>
/// Collects a request's or a batch's reads and runs them in one go: as one ADO.NET batch (one round trip) where the
/// provider is remote, or through the connection's kept prepared command per statement where it is in-process (SQLite). Each lookup
/// is an equality on a whole index key, one key per statement: a plan for that is right whatever the planner knows
/// of the table, where an IN list lets a planner whose statistics lag behind a growing table scan on the index's
/// first column alone (and the runtime's connections rule out table scans; see DatabaseConnections).
/// </summary>
internal sealed class LookupQueue(RuntimeConnection connection)
{
    private readonly List<Lookup> _lookups = [];

    /// <summary>Queues one of the runtime's lookups (<see cref="RuntimeLookups"/>); <paramref name="onRow"/> gets each row it returns.</summary>
    public void Add<T>(Lookup<T> lookup, Action<T> onRow)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        ArgumentNullException.ThrowIfNull(onRow);
        Add(lookup.Sql, lookup.Values, reader => onRow(lookup.Read(reader)));
    }

    /// <param name="sql">A query from <see cref="RuntimeSql"/>, with parameters @p0, @p1, ….</param>
    /// <param name="values">The parameters' values, in order; none of them null.</param>
    /// <param name="read">Called for each row the query returns.</param>
    public void Add(string sql, object[] values, Action<DbDataReader> read) => _lookups.Add(new Lookup(sql, values, read));

    /// <summary>Runs every queued query, handing each row to its reader, and empties the queue.</summary>
    public void Run()
    {
        if (_lookups.Count == 0)
        {
            return;
        }

        if (connection.Provider == DatabaseProvider.Postgres)
        {
            RunAsBatch();
        }
        else
        {
            RunOneByOne();
        }

        _lookups.Clear();
    }

    /// <summary>
    /// <see cref="Run"/> for the readers that prepare bursts, which run beside each other on the thread pool: on
    /// PostgreSQL the round trip is awaited rather than held on a thread, so that bursts waiting for their reads cannot
    /// starve the pool (SQLite answers in process, so it is read as before).
    /// </summary>
    public async Task RunAsync()
    {
        if (_lookups.Count == 0)
        {
            return;
        }

        if (connection.Provider == DatabaseProvider.Postgres)
        {
            var (batch, _) = connection.Batch(_lookups.Select(l => (l.Sql, (IReadOnlyList<object?>)l.Values)));
            await using var owned = batch;
            await using var reader = await batch.ExecuteReaderAsync();
            foreach (var lookup in _lookups)
            {
                while (await reader.ReadAsync())
                {
                    lookup.Read(reader);
                }

                await reader.NextResultAsync();
            }
        }
        else
        {
            RunOneByOne();
        }

        _lookups.Clear();
    }

    private void RunAsBatch()
    {
        var (batch, _) = connection.Batch(_lookups.Select(l => (l.Sql, (IReadOnlyList<object?>)l.Values)));
        using var owned = batch;
        using var reader = batch.ExecuteReader();
        foreach (var lookup in _lookups)
        {
            ReadAll(reader, lookup.Read);
            reader.NextResult();
        }
    }

    private void RunOneByOne()
    {
        foreach (var lookup in _lookups)
        {
            using var reader = connection.Command(lookup.Sql, lookup.Values).ExecuteReader();
            ReadAll(reader, lookup.Read);
        }
    }

    private static void ReadAll(DbDataReader reader, Action<DbDataReader> read)
    {
        while (reader.Read())
        {
            read(reader);
        }
    }

    private sealed record Lookup(string Sql, object[] Values, Action<DbDataReader> Read);
}

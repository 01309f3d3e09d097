using System.Collections.Concurrent;

namespace CareFlows.Server.Runtime;

/// <summary>
/// Reads committed state for the bursts being prepared, outside the writer's transaction, on kept connections of its
/// own (one per concurrent reader, returned after each use). SQLite readers in WAL mode neither wait for the writer nor
/// hold it up; PostgreSQL readers see what has committed.
/// </summary>
internal sealed class RuntimeReader(Persistence.DatabaseConnections database) : IAsyncDisposable
{
    private readonly ConcurrentBag<RuntimeConnection> _idle = [];
    private readonly int _capacity = Environment.ProcessorCount * 2 + 2;
    private int _idleCount;

    /// <summary>
    /// Runs the lookups <paramref name="queue"/> adds, in one go, on a connection of the reader's, awaiting the round
    /// trip: a request's planned reads, so that many requests waiting for theirs hold no threads.
    /// </summary>
    public Task RunAsync(Action<LookupQueue> queue) => UseAsync(async connection =>
    {
        var lookups = new LookupQueue(connection);
        queue(lookups);
        await lookups.RunAsync();
    });

    /// <summary>
    /// Runs one lookup a burst did not foresee. The round trip is made on the burst's own thread: for one lookup, handing
    /// the burst to another thread when the answer comes costs more than the wait.
    /// </summary>
    public Task RunOneAsync(Action<LookupQueue> queue) => UseAsync(connection =>
    {
        var lookups = new LookupQueue(connection);
        queue(lookups);
        lookups.Run();
        return Task.CompletedTask;
    });

    private async Task UseAsync(Func<RuntimeConnection, Task> use)
    {
        var connection = Rent();
        var healthy = false;
        try
        {
            await connection.OpenAsync(CancellationToken.None);
            await use(connection);
            healthy = true;
        }
        finally
        {
            if (healthy)
            {
                Return(connection);
            }
            else
            {
                // Whatever failed may have left the connection unusable.
                await connection.DisposeAsync();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        while (_idle.TryTake(out var connection))
        {
            await connection.DisposeAsync();
        }
    }

    private RuntimeConnection Rent()
    {
        if (_idle.TryTake(out var connection))
        {
            Interlocked.Decrement(ref _idleCount);
            return connection;
        }

        return new RuntimeConnection(database);
    }

    private void Return(RuntimeConnection connection)
    {
        if (Interlocked.Increment(ref _idleCount) <= _capacity)
        {
            _idle.Add(connection);
            return;
        }

        Interlocked.Decrement(ref _idleCount);
        _ = connection.DisposeAsync().AsTask();
    }
}

using System.Data.Common;
using System.Globalization;
using CareFlows.Server.Persistence;

namespace CareFlows.Server.Runtime;

/// <summary>
/// The burst writer's own connection, opened once and kept, with its commands kept prepared: a batch pays neither for
/// opening a connection (and, on SQLite, its pragmas) nor for parsing its statements again. After a failure that may
/// have left the connection unusable, <see cref="ResetAsync"/> drops it and the next batch opens a fresh one.
/// The writer's round trips are made synchronously: it has nothing else to do meanwhile, and each asynchronous one
/// would hand the batch to another thread-pool thread when the answer arrives, a wake-up that on a busy two-core
/// machine took longer than the round trip itself.
/// </summary>
internal sealed class WriterConnection(DatabaseConnections database) : IAsyncDisposable
{
    private readonly Dictionary<string, DbCommand> _commands = new(StringComparer.Ordinal);
    private DbConnection? _connection;

    public DatabaseProvider Provider => database.Provider;

    public DbConnection Connection => _connection ?? throw new InvalidOperationException("The writer has no open connection.");

    public DbTransaction? Transaction { get; private set; }

    public async Task<DbTransaction> BeginAsync(CancellationToken cancellationToken)
    {
        if (_connection is not { State: System.Data.ConnectionState.Open })
        {
            await ResetAsync();
            _connection = await database.OpenWriterAsync(cancellationToken);
        }

        Transaction = _connection.BeginTransaction();
        return Transaction;
    }

    /// <summary>The kept command for <paramref name="sql"/> (parameters @p0 … @p<c>n-1</c>), enlisted in the current transaction.</summary>
    public DbCommand Command(string sql, int parameterCount)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = Connection.CreateCommand();
            command.CommandText = sql;
            for (var i = 0; i < parameterCount; i++)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = "@p" + i.ToString(CultureInfo.InvariantCulture);
                command.Parameters.Add(parameter);
            }

            _commands[sql] = command;
        }

        command.Transaction = Transaction;
        return command;
    }

    /// <summary>The kept command for <paramref name="sql"/>, its parameters set to <paramref name="values"/>.</summary>
    public DbCommand Command(string sql, IReadOnlyList<object?> values)
    {
        var command = Command(sql, values.Count);
        for (var i = 0; i < values.Count; i++)
        {
            // A kept parameter is not given a type: the next value bound to it may be of another.
            TypedNull.Bind(command.Parameters[i], values[i], typed: false);
        }

        return command;
    }

    /// <summary>
    /// One round trip's worth of statements, enlisted in the current transaction. Their parameters are fresh, so a
    /// typed null gives its type.
    /// </summary>
    public DbBatch Batch(IEnumerable<(string Sql, IReadOnlyList<object?> Values)> statements)
    {
        var batch = Connection.CreateBatch();
        batch.Transaction = Transaction;
        foreach (var (sql, values) in statements)
        {
            var command = batch.CreateBatchCommand();
            command.CommandText = sql;
            for (var i = 0; i < values.Count; i++)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = "p" + i.ToString(CultureInfo.InvariantCulture);
                TypedNull.Bind(parameter, values[i], typed: true);
                command.Parameters.Add(parameter);
            }

            batch.BatchCommands.Add(command);
        }

        return batch;
    }

    /// <summary>Ends the transaction of a batch that committed or was abandoned.</summary>
    public async ValueTask EndAsync()
    {
        if (Transaction is { } transaction)
        {
            Transaction = null;
            await transaction.DisposeAsync();
        }
    }

    /// <summary>Drops the connection and its commands; the next batch opens a new one.</summary>
    public async ValueTask ResetAsync()
    {
        Transaction = null;
        foreach (var command in _commands.Values)
        {
            await command.DisposeAsync();
        }

        _commands.Clear();
        if (_connection is { } connection)
        {
            _connection = null;
            await connection.DisposeAsync();
        }
    }

    public ValueTask DisposeAsync() => ResetAsync();
}

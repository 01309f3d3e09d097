using System.Data.Common;
using System.Globalization;
using CareFlows.Server.Persistence;

namespace CareFlows.Server.Runtime;

/// <summary>
/// A connection the runtime opens once and keeps, with its commands kept prepared: the burst writer's, and each of the
/// readers that bursts are prepared from. A batch pays neither for opening a connection (and, on SQLite, its pragmas)
/// nor for parsing its statements again. After a failure that may have left the connection unusable,
/// <see cref="ResetAsync"/> drops it and the next use opens a fresh one.
/// Round trips are made synchronously: the writer has nothing else to do meanwhile, and each asynchronous one would hand
/// the batch to another thread-pool thread when the answer arrives, a wake-up that on a busy two-core machine took
/// longer than the round trip itself.
/// On PostgreSQL a batch's transaction costs no round trips of its own: BEGIN travels with the batch's first
/// statements and COMMIT with its writes (see <see cref="StatementQueue"/>).
/// </summary>
internal sealed class RuntimeConnection(DatabaseConnections database) : IAsyncDisposable
{
    private readonly Dictionary<string, DbCommand> _commands = new(StringComparer.Ordinal);
    private DbConnection? _connection;

    // PostgreSQL: whether BEGIN is still to go out with the batch's next statements, and whether a transaction that
    // has begun is still open (neither committed by the writes nor ended).
    private bool _beginPending;
    private bool _transactionOpen;

    public DatabaseProvider Provider => database.Provider;

    public DbConnection Connection => _connection ?? throw new InvalidOperationException("The writer has no open connection.");

    /// <summary>The batch's transaction where the provider keeps one (not PostgreSQL, whose BEGIN and COMMIT are statements).</summary>
    public DbTransaction? Transaction { get; private set; }

    /// <summary>Whether the writes can carry the COMMIT (PostgreSQL): the caller then commits by flushing them.</summary>
    public bool CommitsWithWrites => Provider == DatabaseProvider.Postgres;

    /// <summary>Opens the connection unless it is open already (a reader's reads need no transaction).</summary>
    public async Task OpenAsync(CancellationToken cancellationToken)
    {
        if (_connection is not { State: System.Data.ConnectionState.Open })
        {
            await ResetAsync();
            _connection = await database.OpenRuntimeAsync(cancellationToken);
        }
    }

    public async Task BeginAsync(CancellationToken cancellationToken)
    {
        await OpenAsync(cancellationToken);
        if (CommitsWithWrites)
        {
            _beginPending = true;
        }
        else
        {
            Transaction = Connection.BeginTransaction();
        }
    }

    /// <summary>Commits what the batch wrote, unless its writes carried the COMMIT already.</summary>
    public Task CommitAsync(CancellationToken cancellationToken) => EndTransactionAsync(commit: true, cancellationToken);

    /// <summary>Rolls back what the batch did so far; the connection stays usable.</summary>
    public Task RollbackAsync(CancellationToken cancellationToken) => EndTransactionAsync(commit: false, cancellationToken);

    private async Task EndTransactionAsync(bool commit, CancellationToken cancellationToken)
    {
        if (Transaction is { } transaction)
        {
            await (commit ? transaction.CommitAsync(cancellationToken) : transaction.RollbackAsync(cancellationToken));
        }
        else if (_transactionOpen)
        {
            Execute(commit ? "COMMIT" : "ROLLBACK");
        }

        _beginPending = false;
        _transactionOpen = false;
    }

    private void Execute(string sql)
    {
        using var command = Connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>The kept command for <paramref name="sql"/> (parameters @p0 … @p<c>n-1</c>), enlisted in the current transaction.</summary>
    private DbCommand Command(string sql, int parameterCount)
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
    /// One round trip's worth of statements, in the batch's transaction: on PostgreSQL led by the BEGIN if it has not
    /// gone yet, and closed by COMMIT when <paramref name="commit"/>. Their parameters are fresh, so a typed null
    /// gives its type.
    /// </summary>
    /// <returns>The batch, and the position of the first of <paramref name="statements"/> in it.</returns>
    public (DbBatch Batch, int First) Batch(IEnumerable<(string Sql, IReadOnlyList<object?> Values)> statements, bool commit = false)
    {
        var batch = Connection.CreateBatch();
        batch.Transaction = Transaction;
        if (_beginPending)
        {
            AddCommand(batch, "BEGIN", []);
            _beginPending = false;
            _transactionOpen = true;
        }

        var first = batch.BatchCommands.Count;
        foreach (var (sql, values) in statements)
        {
            AddCommand(batch, sql, values);
        }

        if (commit && _transactionOpen)
        {
            AddCommand(batch, "COMMIT", []);
        }

        return (batch, first);
    }

    /// <summary>After a batch that carried the COMMIT has run without error: the transaction is over.</summary>
    public void Committed() => _transactionOpen = false;

    private static void AddCommand(DbBatch batch, string sql, IReadOnlyList<object?> values)
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
        _beginPending = false;
        _transactionOpen = false;
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

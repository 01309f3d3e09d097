using System.Data;
using CareFlows.Server.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CareFlows.Server.Audit;

/// <summary>
/// One unchanging view of the audit tables for a replay. On a live server records are appended while the chain is
/// replayed; read one statement at a time, the records would include some appended after the head was read, and look
/// like a chain whose end was rewritten. The view blocks no writer.
/// </summary>
internal sealed class AuditReadSnapshot : IAsyncDisposable
{
    private readonly CareFlowsDbContext _db;
    private readonly IDbContextTransaction? _efTransaction;
    private readonly SqliteTransaction? _sqliteTransaction;

    private AuditReadSnapshot(CareFlowsDbContext db, IDbContextTransaction? efTransaction, SqliteTransaction? sqliteTransaction)
    {
        _db = db;
        _efTransaction = efTransaction;
        _sqliteTransaction = sqliteTransaction;
    }

    public static async Task<AuditReadSnapshot> BeginAsync(CareFlowsDbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            // The caller's transaction is the view.
            return new AuditReadSnapshot(db, null, null);
        }

        if (db.Database.IsNpgsql())
        {
            // Repeatable read takes its snapshot at the first statement and keeps it; a reader never waits for a writer.
            return new AuditReadSnapshot(db, await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken), null);
        }

        if (db.Database.IsSqlite())
        {
            // A deferred transaction reads from the write-ahead log as it stood at its first read, and lets the writer go
            // on; EF Core's own would begin IMMEDIATE, taking the write lock for the whole replay.
            await db.Database.OpenConnectionAsync(cancellationToken);
            var transaction = ((SqliteConnection)db.Database.GetDbConnection()).BeginTransaction(deferred: true);
            await db.Database.UseTransactionAsync(transaction, cancellationToken);
            return new AuditReadSnapshot(db, null, transaction);
        }

        // SQL Server: repeatable read would hold shared locks on the head, stopping every audited write, for the whole
        // replay, and snapshot isolation needs a database option CareFlows does not set; it reads statement by statement.
        return new AuditReadSnapshot(db, null, null);
    }

    public async ValueTask DisposeAsync()
    {
        if (_efTransaction is not null)
        {
            await _efTransaction.DisposeAsync();
        }

        if (_sqliteTransaction is not null)
        {
            await _db.Database.UseTransactionAsync(null);
            await _sqliteTransaction.DisposeAsync();
            await _db.Database.CloseConnectionAsync();
        }
    }
}

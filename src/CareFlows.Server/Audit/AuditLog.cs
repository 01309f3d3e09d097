using System.Data;
using CareFlows.Server.Persistence;
using CareFlows.Server.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CareFlows.Server.Audit;

/// <summary>
/// Appends to the audit log inside the transaction of the change it records, so that a change that rolls back leaves
/// no record and a change never commits without one.
/// </summary>
public static class AuditLog
{
    /// <summary>
    /// Begins a serializable transaction that will append to the chain. PostgreSQL fails a serializable transaction that
    /// updates a row changed by another since its snapshot was taken, and the chain's head changes with every audited
    /// write; so there the head is locked first, before the snapshot is taken (LOCK TABLE takes none), and held to the end.
    /// </summary>
    public static async Task<IDbContextTransaction> BeginSerializableAsync(CareFlowsDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.Serializable, cancellationToken);
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync(LockHeadForSnapshot, cancellationToken);
        }

        return transaction;
    }

    private const string LockHeadForSnapshot = $"""LOCK TABLE "{TableNames.AuditChainHead}" IN SHARE ROW EXCLUSIVE MODE""";

    /// <summary>Records <paramref name="change"/>, made now under the current <see cref="AuditContext"/>, in the open transaction.</summary>
    public static Task<IReadOnlyList<AuditRecord>> AppendAsync(CareFlowsDbContext db, AuditChange change, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(clock);
        return AppendAsync(db, [change.ToEntry(AuditContext.Current, clock.GetUtcNow())], cancellationToken);
    }

    /// <summary>
    /// Records <paramref name="entry"/> in a transaction of its own: for what changes nothing else, such as a refused
    /// attempt or a read.
    /// </summary>
    public static async Task AppendAloneAsync(CareFlowsDbContext db, AuditEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await AppendAsync(db, [entry], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Chains <paramref name="entries"/> after the log's last record and writes them. The chain's head is updated first:
    /// that takes the database's lock on it (a row lock; SQLite's write lock) until the transaction ends, so writers on
    /// any node append one after the other and the chain never forks.
    /// </summary>
    public static async Task<IReadOnlyList<AuditRecord>> AppendAsync(CareFlowsDbContext db, IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0)
        {
            return [];
        }

        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("An audit record is written in the transaction of the change it records: begin one first.");
        }

        var head = db.AuditChainHeads.Where(h => h.Id == AuditChainHead.SingleId);
        await head.ExecuteUpdateAsync(s => s.SetProperty(h => h.Sequence, h => h.Sequence + entries.Count), cancellationToken);
        var claimed = await head.AsNoTracking().SingleAsync(cancellationToken);
        var records = AuditChain.Link(entries, claimed.Sequence - entries.Count, claimed.Hash);
        db.AuditRecords.AddRange(records);
        await db.SaveChangesAsync(cancellationToken);
        await head.ExecuteUpdateAsync(s => s.SetProperty(h => h.Hash, records[^1].Hash), cancellationToken);
        return records;
    }
}

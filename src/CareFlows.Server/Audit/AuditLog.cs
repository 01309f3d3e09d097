using CareFlows.Server.Persistence;
using CareFlows.Server.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace CareFlows.Server.Audit;

/// <summary>
/// Appends to the audit log inside the transaction of the change it records, so that a change that rolls back leaves
/// no record and a change never commits without one.
/// </summary>
public static class AuditLog
{
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
        var sequence = claimed.Sequence - entries.Count;
        var previous = claimed.Hash;
        var records = new List<AuditRecord>(entries.Count);
        foreach (var entry in entries)
        {
            var record = entry.ToRecord(++sequence, previous);
            records.Add(record);
            previous = record.Hash;
        }

        db.AuditRecords.AddRange(records);
        await db.SaveChangesAsync(cancellationToken);
        await head.ExecuteUpdateAsync(s => s.SetProperty(h => h.Hash, previous), cancellationToken);
        return records;
    }
}

using CareFlows.Server.Persistence;
using CareFlows.Server.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace CareFlows.Server.Audit;

/// <summary>What replaying the audit chain found: intact, or the first record that is broken or missing, and why.</summary>
/// <param name="Intact">Every record is in place, unchanged, and the chain ends where its head says.</param>
/// <param name="Checked">Records replayed before the first problem (all of them when intact).</param>
/// <param name="LastSequence">The chain's last sequence number as its head records it.</param>
/// <param name="BrokenAt">The first record that is changed, out of place or missing.</param>
/// <param name="Problem">What is wrong there, in words.</param>
public sealed record AuditVerification(bool Intact, long Checked, long LastSequence, long? BrokenAt, string? Problem);

/// <summary>
/// Replays the audit chain from its first record, streaming, checks it against every signed checkpoint, and names the
/// first broken or missing record. The head, the checkpoints and the records are read in one snapshot of the database
/// (<see cref="AuditReadSnapshot"/>); the records in one ordered query, one at a time, each hashed without allocating,
/// so that memory stays flat however long the chain (the checkpoints, one per interval that saw an audited change, are
/// held: about 14 MB a year at the default 15 minutes).
/// </summary>
public static class AuditVerifier
{
    public static async Task<AuditVerification> VerifyAsync(CareFlowsDbContext db, AuditCheckpointKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(key);
        await using var snapshot = await AuditReadSnapshot.BeginAsync(db, cancellationToken);
        var head = await db.AuditChainHeads.AsNoTracking().SingleAsync(h => h.Id == AuditChainHead.SingleId, cancellationToken);
        var checkpoints = new Queue<AuditCheckpoint>(await db.AuditCheckpoints.AsNoTracking().OrderBy(c => c.Sequence).ToListAsync(cancellationToken));
        var expected = 1L;
        var previous = AuditChain.GenesisHash;
        AuditVerification Broken(long at, string problem) => new(false, expected - 1, head.Sequence, at, problem);

        await foreach (var record in db.AuditRecords.AsNoTracking().OrderBy(r => r.Sequence).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (record.Sequence != expected)
            {
                return Broken(expected, record.Sequence > expected
                    ? $"Record {expected} is missing: the next record is {record.Sequence}."
                    : $"Record {record.Sequence} appears out of order.");
            }

            if (!string.Equals(record.PreviousHash, previous, StringComparison.Ordinal))
            {
                return Broken(expected, expected == 1
                    ? "Record 1 does not start the chain: records before it were removed, or it was replaced."
                    : $"Record {expected} does not follow record {expected - 1}: one of them was replaced or moved.");
            }

            if (!AuditChain.HashMatches(record))
            {
                return Broken(expected, $"Record {expected} was changed after it was written: its content no longer matches its hash.");
            }

            while (checkpoints.TryPeek(out var checkpoint) && checkpoint.Sequence <= record.Sequence)
            {
                checkpoints.Dequeue();
                if (!key.Signed(checkpoint))
                {
                    return Broken(checkpoint.Sequence, $"The checkpoint at record {checkpoint.Sequence} is not signed by this server's checkpoint key: it was forged or the key changed.");
                }

                if (checkpoint.Sequence == record.Sequence && !string.Equals(checkpoint.Hash, record.Hash, StringComparison.Ordinal))
                {
                    return Broken(record.Sequence, $"Record {record.Sequence} differs from the checkpoint signed at {checkpoint.CreatedAt:yyyy-MM-dd HH:mm:ss} UTC: the chain was rewritten up to it.");
                }
            }

            previous = record.Hash;
            expected++;
        }

        var last = expected - 1;
        if (checkpoints.TryPeek(out var beyond))
        {
            return Broken(expected, $"Record {beyond.Sequence} is covered by a checkpoint signed at {beyond.CreatedAt:yyyy-MM-dd HH:mm:ss} UTC, but the chain ends at record {last}.");
        }

        if (head.Sequence > last)
        {
            return Broken(expected, last == head.Sequence - 1
                ? $"Record {expected}, the last of the chain, is missing."
                : $"Records {expected} to {head.Sequence}, the end of the chain, are missing.");
        }

        if (head.Sequence < last || !string.Equals(head.Hash, previous, StringComparison.Ordinal))
        {
            return Broken(Math.Min(head.Sequence + 1, last), $"The chain's recorded end (record {head.Sequence}) does not match its last record ({last}): the end was rewritten.");
        }

        return new AuditVerification(true, last, head.Sequence, null, null);
    }
}

using CareFlows.Server.Audit;
using CareFlows.Server.Persistence.Entities;

namespace CareFlows.LoadHarness;

/// <summary>
/// The seeded audit log, a batch at a time: records of <see cref="AuditRecordMix"/> chained by the server's
/// <see cref="AuditChain"/>, and the checkpoints the checkpoint writer would have signed every interval on the way.
/// </summary>
internal sealed class SeededAuditChain(AuditCheckpointKey key, TimeSpan checkpointInterval)
{
    private DateTime _nextCheckpoint = AuditRecordMix.Start + checkpointInterval;

    /// <summary>The chain's last record so far.</summary>
    public (long Sequence, string Hash) End { get; private set; } = (0, AuditChain.GenesisHash);

    public List<AuditCheckpoint> Checkpoints { get; } = [];

    /// <summary>The next <paramref name="count"/> records, chained after <see cref="End"/>.</summary>
    public List<AuditRecord> Next(int count)
    {
        var from = End.Sequence + 1;
        var records = AuditChain.Link(Enumerable.Range(0, count).Select(i => AuditRecordMix.Entry(from + i)), End.Sequence, End.Hash);
        foreach (var record in records)
        {
            // As the checkpoint writer does each interval: sign the end the chain had when the interval ran out, if it moved.
            for (; record.OccurredAt >= _nextCheckpoint; _nextCheckpoint += checkpointInterval)
            {
                SignEnd();
            }

            End = (record.Sequence, record.Hash);
        }

        return records;
    }

    /// <summary>The checkpoint the writer signs at the next interval after the last record.</summary>
    public void Close() => SignEnd();

    private void SignEnd()
    {
        if (End.Sequence > (Checkpoints.Count == 0 ? 0 : Checkpoints[^1].Sequence))
        {
            Checkpoints.Add(key.Sign(End.Sequence, End.Hash, _nextCheckpoint));
        }
    }
}

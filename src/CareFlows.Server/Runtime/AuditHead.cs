namespace CareFlows.Server.Runtime;

/// <summary>
/// What the writer knows of the audit chain's end. Where the writes carry the COMMIT (PostgreSQL), a batch that audits
/// would otherwise spend a round trip locking and reading the head before it writes; while this node's writer is the
/// only one appending, the head is what its own last commit left, so the batch chains after that and its head update
/// is guarded instead (<see cref="RuntimeSql.UpdateAuditHeadOrFail"/>), in the round trip that commits. When another
/// writer appended meanwhile (a request's own transaction, another node), the guard fails, the batch is retried after
/// reading the head, and the next batches read it too for a while, so that writers that take turns do not keep
/// failing each other's batches.
/// </summary>
internal sealed class AuditHead
{
    /// <summary>The key an <see cref="InstanceConflictException"/> names when the guarded head had moved.</summary>
    public const string ConflictKey = "audit-chain-head";

    /// <summary>How many batches read the head after a conflict before guessing it again.</summary>
    private const int BatchesToReadAfterConflict = 64;

    private (long Sequence, string Hash)? _known;
    private (long Sequence, string Hash)? _pending;
    private int _readsLeft;

    /// <summary>The head to chain after without reading it, or null when it must be read.</summary>
    public (long Sequence, string Hash)? Guess => _readsLeft > 0 ? null : _known;

    /// <summary>The head the batch being written will leave, once it commits.</summary>
    public void Writing(long sequence, string hash) => _pending = (sequence, hash);

    /// <summary>The batch committed: its head is the chain's end.</summary>
    public void Committed()
    {
        if (_pending is { } head)
        {
            _known = head;
            _pending = null;
            if (_readsLeft > 0)
            {
                _readsLeft--;
            }
        }
    }

    /// <summary>The batch did not commit: the chain's end is what it was.</summary>
    public void Abandoned() => _pending = null;

    /// <summary>Another writer moved the head: forget it, and read it for the next batches.</summary>
    public void Moved()
    {
        _known = null;
        _pending = null;
        _readsLeft = BatchesToReadAfterConflict;
    }
}

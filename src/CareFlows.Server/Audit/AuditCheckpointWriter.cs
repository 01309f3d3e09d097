using CareFlows.Server.Persistence;
using CareFlows.Server.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace CareFlows.Server.Audit;

/// <summary>Signs the chain's end every <see cref="AuditOptions.CheckpointInterval"/>, when it has moved.</summary>
public sealed class AuditCheckpointWriter(IServiceScopeFactory scopes, AuditCheckpointKey key, AuditOptions options, TimeProvider clock, ILogger<AuditCheckpointWriter> logger)
    : BackgroundService
{
    /// <summary>Signs the chain's end as it was last committed, unless a checkpoint already covers it; the new checkpoint, if any.</summary>
    public static async Task<AuditCheckpoint?> WriteAsync(CareFlowsDbContext db, AuditCheckpointKey key, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(clock);
        // The head is written whole by the transaction that appends, so a committed read of it is a consistent end.
        var head = await db.AuditChainHeads.AsNoTracking().SingleAsync(h => h.Id == AuditChainHead.SingleId, cancellationToken);
        var last = await db.AuditCheckpoints.MaxAsync(c => (long?)c.Sequence, cancellationToken) ?? 0;
        if (head.Sequence <= last)
        {
            return null;
        }

        var checkpoint = key.Sign(head.Sequence, head.Hash, AuditChain.StoredPrecision(clock.GetUtcNow()));
        db.AuditCheckpoints.Add(checkpoint);
        await db.SaveChangesAsync(cancellationToken);
        return checkpoint;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.CheckpointInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<CareFlowsDbContext>();
                await WriteAsync(db, key, clock, stoppingToken);
            }
            catch (DbUpdateException e)
            {
                // Another node signed the same end first: its checkpoint serves.
                logger.LogDebug(e, "An audit checkpoint was not written: another node wrote it.");
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "The audit chain's end could not be signed; the next interval tries again.");
            }
        }
    }
}

using CareFlows.Server.Persistence;

namespace CareFlows.Server.Audit;

/// <summary>
/// A request's change to the database (users, teams, sessions, settings …) committed together with the audit record of
/// what it changed, or not at all.
/// </summary>
public sealed class AuditedWrite(CareFlowsDbContext db, TimeProvider clock)
{
    /// <summary>
    /// Runs <paramref name="work"/> in a transaction and commits it with the record of the change it reports; a change
    /// of null means it changed nothing, and nothing is recorded.
    /// </summary>
    public async Task<T> RunAsync<T>(Func<Task<(T Result, AuditChange? Change)>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (result, change) = await work();
        if (change is not null)
        {
            await AuditLog.AppendAsync(db, change, clock, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    /// <summary>
    /// Runs <paramref name="work"/> in a transaction and commits it with the records of every change it reports, in
    /// their order: for a request that changes more than one entity, such as a sign-in that creates its user.
    /// </summary>
    public async Task<T> RunAllAsync<T>(Func<Task<(T Result, IReadOnlyList<AuditChange> Changes)>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (result, changes) = await work();
        var at = clock.GetUtcNow();
        await AuditLog.AppendAsync(db, [.. changes.Select(c => c.ToEntry(AuditContext.Current, at))], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }
}

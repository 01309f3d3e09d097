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
}

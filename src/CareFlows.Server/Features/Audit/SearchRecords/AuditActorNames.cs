using CareFlows.Server.Audit;
using CareFlows.Server.Persistence;
using CareFlows.Server.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace CareFlows.Server.Features.Audit.SearchRecords;

/// <summary>The names of the users who acted in some records, so that an auditor reads people, not ids.</summary>
public static class AuditActorNames
{
    public static Task<IReadOnlyDictionary<string, string>> OfAsync(CareFlowsDbContext db, IEnumerable<AuditRecord> records, CancellationToken cancellationToken) =>
        OfUsersAsync(db, records.Where(r => r.ActorType == AuditActorTypes.User).Select(r => r.ActorId), cancellationToken);

    /// <summary>Each user's display name (or email), by id, of those among <paramref name="userIds"/> CareFlows knows.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> OfUsersAsync(CareFlowsDbContext db, IEnumerable<string?> userIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var ids = userIds.OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        return ids.Count == 0
            ? new Dictionary<string, string>(StringComparer.Ordinal)
            : await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
                .ToDictionaryAsync(u => u.Id, u => u.DisplayName ?? u.Email ?? u.Id, StringComparer.Ordinal, cancellationToken);
    }
}

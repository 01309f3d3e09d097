using System.Text.Json.Nodes;
using CareFlows.Server.Audit;
using CareFlows.Server.Infrastructure;
using CareFlows.Server.Persistence;
using CareFlows.Server.Persistence.Entities;
using CareFlows.Server.Runtime;
using Microsoft.EntityFrameworkCore;

namespace CareFlows.Server.Features.Access;

/// <summary>
/// Break-the-glass access: granted at once to a coordinator who states why they need a patient's tasks outside their
/// teams, for <see cref="AccessOptions.BreakGlassDuration"/>, and recorded in the audit log with the reason; every read
/// made through it is flagged there too (purpose of use ETREAT, with the reason).
/// </summary>
public sealed class AccessGrants(CareFlowsDbContext db, AuditedWrite audited, AccessOptions options, TimeProvider clock)
{
    public const string EntityType = "access-grant";

    public async Task<AccessGrantRecord> GrantAsync(string userId, string patientId, string reason, CancellationToken cancellationToken)
    {
        // Cut to what the database keeps, so that the grant the request answers with ends when later reads say it does.
        var now = StoredTime.Of(clock.GetUtcNow());
        var grant = new AccessGrantRecord
        {
            Id = Guid.CreateVersion7().ToString("N"),
            UserId = userId,
            PatientId = patientId,
            Reason = reason,
            GrantedAt = now,
            ExpiresAt = now + options.BreakGlassDuration,
        };
        return await audited.RunAsync(
            async () =>
            {
                db.AccessGrants.Add(grant);
                await db.SaveChangesAsync(cancellationToken);
                return (grant, (AuditChange?)new AuditChange("access.break-glass", AuditActions.Create, EntityType, grant.Id)
                {
                    PatientId = patientId,
                    After = new JsonObject { ["userId"] = userId, ["grantedAt"] = grant.GrantedAt, ["expiresAt"] = grant.ExpiresAt },
                    PurposeOfUse = PurposesOfUse.EmergencyTreatment,
                    Reason = reason,
                });
            },
            cancellationToken);
    }

    /// <summary>The user's grants still running, newest first.</summary>
    public async Task<List<AccessGrantRecord>> ActiveAsync(string userId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.AccessGrants.AsNoTracking().Where(g => g.UserId == userId && g.ExpiresAt > now)
            .OrderByDescending(g => g.GrantedAt).ToListAsync(cancellationToken);
    }
}

using CareFlows.Server.Audit;
using CareFlows.Server.Auth;
using CareFlows.Server.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CareFlows.Server.Features.Audit;

/// <summary>The audit log for those who review it: auditors and admins read it; nobody can change or delete it.</summary>
public static class AuditEndpoints
{
    public static IEndpointRouteBuilder MapAudit(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/audit").WithTags("Audit").RequireAuthorization(Policies.AuditRead)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapGet("/verify", Verify).WithName("VerifyAuditLog")
            .WithSummary("Replays the audit chain from its first record and names the first record that was changed, moved or removed.");
        return routes;
    }

    public static async Task<Ok<AuditVerification>> Verify(CareFlowsDbContext db, AuditCheckpointKey key, CancellationToken cancellationToken) =>
        TypedResults.Ok(await AuditVerifier.VerifyAsync(db, key, cancellationToken));
}

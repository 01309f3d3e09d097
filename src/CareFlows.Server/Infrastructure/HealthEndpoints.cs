using CareFlows.Server.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CareFlows.Server.Infrastructure;

/// <summary>Liveness and readiness in one: the process answers and the database is reachable.</summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/health", Check).AllowAnonymous().WithTags("Health");
        return routes;
    }

    public static async Task<Results<Ok<HealthReport>, JsonHttpResult<HealthReport>>> Check(CareFlowsDbContext db, CancellationToken cancellationToken)
    {
        var database = await db.Database.CanConnectAsync(cancellationToken);
        var report = new HealthReport(database ? "Healthy" : "Unhealthy", database ? "reachable" : "unreachable");
        return database ? TypedResults.Ok(report) : TypedResults.Json(report, statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}

public sealed record HealthReport(string Status, string Database);

using System.Security.Claims;
using CareFlows.Server.Auth;
using CareFlows.Server.Infrastructure;
using CareFlows.Server.Persistence;
using CareFlows.Server.Persistence.Configurations;
using CareFlows.Server.Persistence.Entities;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CareFlows.Server.Features.Access;

/// <summary>Break-the-glass access for coordinators: ask, with a reason, for a patient's tasks outside their teams.</summary>
public static class AccessEndpoints
{
    /// <summary>The fewest characters a stated reason has: enough for a sentence, not a shrug.</summary>
    public const int MinReasonLength = 10;

    public static IEndpointRouteBuilder MapAccess(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/access").WithTags("Access").RequireAuthorization(Policies.BreakGlass);
        group.MapPost("/break-glass", BreakGlass).WithName("BreakTheGlass")
            .WithSummary("Grants the signed-in coordinator read access to a patient's tasks outside their teams — the patient named, or the patient of the task named — for a limited time, with a stated reason; the grant and every read through it are flagged in the audit log.")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status422UnprocessableEntity);
        group.MapGet("/break-glass", Terms).WithName("GetBreakGlassTerms")
            .WithSummary("What breaking the glass grants before anyone asks: how long the access lasts, and how long a reason must be.");
        group.MapGet("/grants", Grants).WithName("ListAccessGrants")
            .WithSummary("The signed-in user's break-the-glass grants still running.");
        return routes;
    }

    /// <summary>
    /// A coordinator who opens a link to another team's task knows the task, not its patient: naming the task grants
    /// access to its patient's tasks, without telling them who that is first.
    /// </summary>
    public static async Task<Created<AccessGrantResponse>> BreakGlass(
        BreakGlassRequest request, ClaimsPrincipal user, AccessGrants grants, CareFlowsDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new Dictionary<string, string[]>();
        var patient = request.Patient?.Trim();
        var reason = request.Reason?.Trim();
        if ((patient is null) == (request.Task is null))
        {
            errors["$.patient"] = ["Name either 'patient' (the patient's id as tasks name it) or 'task' (a task of theirs), not both."];
        }
        else if (patient is not null && (patient.Length is 0 or > ColumnSizes.Key || patient.Any(char.IsControl)))
        {
            errors["$.patient"] = [$"'patient' must be the patient's id as tasks name it, at most {ColumnSizes.Key} characters."];
        }

        if (reason is null || reason.Length < MinReasonLength || reason.Length > ColumnSizes.Text || reason.Any(c => char.IsControl(c) && c is not '\n'))
        {
            errors["$.reason"] = [$"'reason' is required: why you need this patient's tasks, {MinReasonLength} to {ColumnSizes.Text} characters."];
        }

        if (errors.Count > 0)
        {
            throw new UnprocessableException("Break-the-glass access needs a patient and a reason.", errors);
        }

        if (request.Task is { } taskId)
        {
            patient = await db.Tasks.AsNoTracking().Where(t => t.Id == taskId).Select(t => t.PatientId).FirstOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException($"Task {taskId} does not exist or names no patient.");
        }

        var grant = await grants.GrantAsync(user.UserId(), patient!, reason!, cancellationToken);
        return TypedResults.Created($"/api/access/grants/{grant.Id}", AccessGrantResponse.Of(grant));
    }

    public static Ok<BreakGlassTermsResponse> Terms(AccessOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return TypedResults.Ok(BreakGlassTermsResponse.Of(options));
    }

    public static async Task<Ok<List<AccessGrantResponse>>> Grants(ClaimsPrincipal user, AccessGrants grants, CancellationToken cancellationToken) =>
        TypedResults.Ok((await grants.ActiveAsync(user.UserId(), cancellationToken)).ConvertAll(AccessGrantResponse.Of));
}

public sealed record BreakGlassRequest(string? Patient, string? Task, string? Reason);

/// <summary>The terms of break-the-glass access, for a prompt to state before anyone asks.</summary>
/// <param name="Duration">How long a grant lasts, as a time span (hh:mm:ss).</param>
/// <param name="DurationMinutes">The same in whole minutes, rounded up.</param>
/// <param name="MinimumReasonLength">The fewest characters a reason has, once trimmed.</param>
/// <param name="MaximumReasonLength">The most characters a reason has.</param>
public sealed record BreakGlassTermsResponse(TimeSpan Duration, int DurationMinutes, int MinimumReasonLength, int MaximumReasonLength)
{
    public static BreakGlassTermsResponse Of(AccessOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var duration = options.BreakGlassDuration;
        return new(duration, (int)Math.Ceiling(duration.TotalMinutes), AccessEndpoints.MinReasonLength, ColumnSizes.Text);
    }
}

public sealed record AccessGrantResponse(string Id, string Patient, string Reason, DateTime GrantedAt, DateTime ExpiresAt)
{
    public static AccessGrantResponse Of(AccessGrantRecord grant)
    {
        ArgumentNullException.ThrowIfNull(grant);
        return new(grant.Id, grant.PatientId, grant.Reason, grant.GrantedAt, grant.ExpiresAt);
    }
}

using System.Security.Claims;
using CareFlows.Server.Auth;
using CareFlows.Server.Features.Events.PublishEvent;
using CareFlows.Server.Features.Events.ResumeBookmark;
using CareFlows.Server.Features.Instances;
using CareFlows.Server.Features.Tasks;
using CareFlows.Server.Infrastructure;
using CareFlows.Server.Persistence;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CareFlows.Server.Features.Events;

/// <summary>
/// What moves waiting instances on from outside: named events (<c>POST /api/events</c>) and resuming one bookmark by
/// its id (<c>POST /api/bookmarks/{bookmarkId}/resume</c>). Both need <see cref="Policies.InstanceWrite"/>.
/// </summary>
public static class EventsEndpoints
{
    public static IEndpointRouteBuilder MapEvents(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup("/api/events").WithTags("Events").RequireAuthorization(Policies.InstanceWrite)
            .MapPost("/", Publish)
            .WithSummary("Publishes a named event to the instances waiting for it; buffers it when none is waiting yet.")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);
        routes.MapGroup("/api/bookmarks").WithTags("Events").RequireAuthorization(Policies.InstanceWrite)
            .MapPost("/{bookmarkId}/resume", Resume)
            .WithSummary("Resumes one open bookmark by id.")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);
        return routes;
    }

    /// <summary>
    /// 200 whatever the disposition: the event has been committed (applied, buffered, or recognised as a duplicate)
    /// before the answer, and the body says which. 409 when its idempotency key was first used for a different event
    /// (name, correlation key or payload); nothing is applied then.
    /// </summary>
    public static async Task<Ok<PublishEventResponse>> Publish(
        PublishEventCommand command,
        [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey,
        ISender sender,
        CancellationToken cancellationToken)
    {
        var outcome = await sender.Send(command with { IdempotencyKeyHeader = idempotencyKey }, cancellationToken);
        return TypedResults.Ok(outcome.ToResponse());
    }

    /// <summary>
    /// 200 with the instance after the burst; 403 for a bookmark of patient work the user may not do, or one an open
    /// task waits on, which only completing the task resumes (<see cref="BookmarkAccess"/>); 404 for a bookmark that never existed; 409 when it was consumed already.
    /// </summary>
    public static async Task<Ok<InstanceSnapshotResponse>> Resume(
        string bookmarkId, ResumeBookmarkRequest? request, ISender sender, CareFlowsDbContext db, TaskActors actors, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        await BookmarkAccess.RequireMayResumeAsync(bookmarkId, db, actors, user, cancellationToken);
        var snapshot = await sender.Send(new ResumeBookmarkCommand(bookmarkId, request?.Input), cancellationToken);
        return TypedResults.Ok(snapshot.ToResponse());
    }
}

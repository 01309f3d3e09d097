using CareFlows.Server.Auth;
using CareFlows.Server.Auth.Sessions;
using CareFlows.Server.Features.Users.ListSessions;
using CareFlows.Server.Features.Users.ListUserSessions;
using CareFlows.Server.Features.Users.RevokeSession;
using CareFlows.Server.Infrastructure;
using CareFlows.Server.Persistence;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CareFlows.Server.Features.Users;

/// <summary>
/// Session administration: a user's sessions, everyone's active sessions, and revoking one so that its user is
/// signed out at once. Admins only (<see cref="Policies.UserAdmin"/>).
/// </summary>
public static class SessionsEndpoints
{
    public static IEndpointRouteBuilder MapSessions(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/admin/users/{id}/sessions", ListOfUser).WithTags("Users").WithName("ListUserSessions")
            .RequireAuthorization(Policies.UserAdmin)
            .WithSummary("Lists a user's sessions, newest sign-in first, paged; active=true for only those that admit requests now.")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status422UnprocessableEntity);

        var group = routes.MapGroup("/api/admin/sessions").WithTags("Sessions").RequireAuthorization(Policies.UserAdmin)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapGet("", List).WithName("ListSessions")
            .WithSummary("Lists sessions with their user, paged and sorted (started, lastSeen, user), by text in the user's email or name and whether they are active.")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status422UnprocessableEntity);
        group.MapPost("/{sessionId}/revoke", Revoke).WithName("RevokeSession")
            .WithSummary("Ends a session: its cookie and tokens are refused from the next request on. A session already ended, expired or idle is answered as it is (200).")
            .ProducesProblems(StatusCodes.Status404NotFound);
        return routes;
    }

    public static async Task<Ok<SessionPageResponse>> ListOfUser(
        string id,
        [AsParameters] ListUserSessionsQuery query,
        IValidator<ListUserSessionsQuery> validator,
        CareFlowsDbContext db,
        SessionDirectory directory,
        HttpContext context,
        CancellationToken cancellationToken)
    {
        await validator.ValidateAndThrowAsync(query, cancellationToken);
        if (!await db.Users.AnyAsync(u => u.Id == id, cancellationToken))
        {
            throw UserDirectory.NotFound(id);
        }

        var matching = directory.Filter(db.Sessions.Where(s => s.UserId == id), query.Active);
        return TypedResults.Ok(await directory.PageAsync(
            matching,
            sessions => sessions.OrderByDescending(s => s.CreatedAt).ThenBy(s => s.Id),
            query.PageNumber,
            query.Size,
            CurrentSession(context),
            cancellationToken));
    }

    public static async Task<Ok<SessionPageResponse>> List(
        [AsParameters] ListSessionsQuery query,
        IValidator<ListSessionsQuery> validator,
        CareFlowsDbContext db,
        SessionDirectory directory,
        HttpContext context,
        CancellationToken cancellationToken)
    {
        await validator.ValidateAndThrowAsync(query, cancellationToken);
        return TypedResults.Ok(await directory.PageAsync(
            query.Filter(db, directory),
            sessions => query.Order(db, sessions),
            query.PageNumber,
            query.Size,
            CurrentSession(context),
            cancellationToken));
    }

    public static async Task<Ok<SessionResponse>> Revoke(string sessionId, ISender sender, HttpContext context, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new RevokeSessionCommand(sessionId, CurrentSession(context)), cancellationToken));

    private static string? CurrentSession(HttpContext context) => context.Features.Get<SignedInSession>()?.Id;
}

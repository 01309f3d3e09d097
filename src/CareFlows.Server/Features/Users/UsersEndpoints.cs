using System.Security.Claims;
using CareFlows.Server.Auth;
using CareFlows.Server.Features.Teams;
using CareFlows.Server.Features.Users.CreateUser;
using CareFlows.Server.Features.Users.ListUsers;
using CareFlows.Server.Features.Users.ResetUserPassword;
using CareFlows.Server.Features.Users.SetUserActive;
using CareFlows.Server.Features.Users.UpdateUser;
using CareFlows.Server.Infrastructure;
using CareFlows.Server.Persistence;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CareFlows.Server.Features.Users;

/// <summary>
/// User administration: list and read users, create them, change their name, roles and teams, deactivate and
/// reactivate them, reset their password. Admins only (<see cref="Policies.UserAdmin"/>). Changes to what a user may
/// do or how they sign in go through <see cref="CareFlowsUserManager"/>, which ends the user's sessions.
/// </summary>
public static class UsersEndpoints
{
    public static IEndpointRouteBuilder MapUsers(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/admin/users").WithTags("Users").RequireAuthorization(Policies.UserAdmin)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapGet("", List).WithName("ListUsers")
            .WithSummary("Lists users by email, paged, by text in the email or display name, role, team and whether they are active.")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status422UnprocessableEntity);
        group.MapGet("/{id}", Get).WithName("GetUser")
            .WithSummary("Reads a user with roles and teams.")
            .ProducesProblems(StatusCodes.Status404NotFound);
        group.MapPost("", Create).WithName("CreateUser")
            .WithSummary("Creates a user with roles, teams and an initial password.")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);
        group.MapPut("/{id}", Replace).WithName("ReplaceUser")
            .WithSummary("Replaces a user's display name, roles and teams; a change of roles ends the user's sessions.")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);
        group.MapPatch("/{id}", Update).WithName("UpdateUser")
            .WithSummary("Changes the display name, roles or teams given, and leaves the rest; a change of roles ends the user's sessions.")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);
        group.MapPost("/{id}/deactivate", Deactivate).WithName("DeactivateUser")
            .WithSummary("Deactivates a user: sign-in is refused and every session ends at once.")
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        group.MapPost("/{id}/activate", Activate).WithName("ActivateUser")
            .WithSummary("Lets a deactivated user sign in again.")
            .ProducesProblems(StatusCodes.Status404NotFound);
        group.MapPost("/{id}/reset-password", ResetPassword).WithName("ResetUserPassword")
            .WithSummary("Sets a new password and lifts any lockout; every session of the user ends.")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status422UnprocessableEntity);
        return routes;
    }

    public static async Task<Ok<UserPageResponse>> List(
        [AsParameters] ListUsersQuery query,
        IValidator<ListUsersQuery> validator,
        CareFlowsDbContext db,
        TeamMembership membership,
        UserDirectory directory,
        CancellationToken cancellationToken)
    {
        await validator.ValidateAndThrowAsync(query, cancellationToken);
        var matching = query.Filter(db, membership).AsNoTracking();
        var total = await matching.CountAsync(cancellationToken);
        var page = await matching
            .OrderBy(u => u.NormalizedEmail)
            .ThenBy(u => u.Id)
            .Skip((query.PageNumber - 1) * query.Size)
            .Take(query.Size)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new UserPageResponse(await directory.ResponsesAsync(page, cancellationToken), total, query.PageNumber, query.Size));
    }

    public static async Task<Ok<UserResponse>> Get(string id, UserDirectory directory, CancellationToken cancellationToken) =>
        TypedResults.Ok(await directory.ResponseAsync(await directory.FindAsync(id, cancellationToken), cancellationToken));

    public static async Task<Created<UserResponse>> Create(CreateUserCommand command, ISender sender, CancellationToken cancellationToken)
    {
        var user = await sender.Send(command, cancellationToken);
        return TypedResults.Created($"/api/admin/users/{Uri.EscapeDataString(user.Id)}", user);
    }

    public static async Task<Ok<UserResponse>> Replace(string id, UpdateUserCommand command, ISender sender, ClaimsPrincipal admin, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(command with { UserId = id, Replace = true, ActingUserId = admin.UserId() }, cancellationToken));

    public static async Task<Ok<UserResponse>> Update(string id, UpdateUserCommand command, ISender sender, ClaimsPrincipal admin, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(command with { UserId = id, ActingUserId = admin.UserId() }, cancellationToken));

    public static async Task<Ok<UserResponse>> Deactivate(string id, ISender sender, ClaimsPrincipal admin, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new SetUserActiveCommand(id, Active: false, admin.UserId()), cancellationToken));

    public static async Task<Ok<UserResponse>> Activate(string id, ISender sender, ClaimsPrincipal admin, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new SetUserActiveCommand(id, Active: true, admin.UserId()), cancellationToken));

    public static async Task<NoContent> ResetPassword(string id, ResetUserPasswordCommand command, ISender sender, CancellationToken cancellationToken)
    {
        await sender.Send(command with { UserId = id }, cancellationToken);
        return TypedResults.NoContent();
    }
}

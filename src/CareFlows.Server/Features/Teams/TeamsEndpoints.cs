using System.Security.Claims;
using CareFlows.Server.Auth;
using CareFlows.Server.Features.Teams.CreateTeam;
using CareFlows.Server.Features.Teams.DeleteTeam;
using CareFlows.Server.Features.Teams.TeamMembers;
using CareFlows.Server.Features.Teams.UpdateTeam;
using CareFlows.Server.Infrastructure;
using CareFlows.Server.Persistence;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CareFlows.Server.Features.Teams;

/// <summary>
/// Teams: list, read with members, create, rename, delete (only when empty), add and remove members — all for
/// admins (<see cref="Policies.UserAdmin"/>); and, for anyone signed in, the teams they belong to.
/// </summary>
public static class TeamsEndpoints
{
    public static IEndpointRouteBuilder MapTeams(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/admin/teams").WithTags("Teams").RequireAuthorization(Policies.UserAdmin)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapGet("", List).WithName("ListTeams")
            .WithSummary("Lists every team by name, with its number of members.");
        group.MapGet("/{id}", Get).WithName("GetTeam")
            .WithSummary("Reads a team with its members.")
            .ProducesProblems(StatusCodes.Status404NotFound);
        group.MapPost("", Create).WithName("CreateTeam")
            .WithSummary("Creates a team; its id is the slug given, or one made from the name, and never changes.")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);
        group.MapPut("/{id}", Update).WithName("UpdateTeam")
            .WithSummary("Renames a team and replaces its description.")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);
        group.MapDelete("/{id}", Delete).WithName("DeleteTeam")
            .WithSummary("Deletes a team that has no members (409 while it has any).")
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        group.MapPut("/{id}/members/{userId}", AddMember).WithName("AddTeamMember")
            .WithSummary("Adds a user to a team; adding a member again changes nothing.")
            .ProducesProblems(StatusCodes.Status404NotFound);
        group.MapDelete("/{id}/members/{userId}", RemoveMember).WithName("RemoveTeamMember")
            .WithSummary("Takes a user out of a team; taking out someone who is not a member changes nothing.")
            .ProducesProblems(StatusCodes.Status404NotFound);

        routes.MapGet("/api/me/teams", MyTeams).WithTags("Teams").WithName("ListMyTeams")
            .WithSummary("The teams the signed-in user belongs to.");
        return routes;
    }

    public static async Task<Ok<List<TeamListItemResponse>>> List(CareFlowsDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await db.Teams.AsNoTracking()
            .OrderBy(t => t.NormalizedName)
            .Select(t => new TeamListItemResponse(t.Id, t.Name, t.Description, db.TeamMembers.Count(m => m.TeamId == t.Id), t.CreatedAt, t.UpdatedAt))
            .ToListAsync(cancellationToken));

    public static async Task<Ok<TeamResponse>> Get(string id, CareFlowsDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await db.TeamResponseAsync(id, cancellationToken));

    public static async Task<Created<TeamResponse>> Create(CreateTeamCommand command, ISender sender, CancellationToken cancellationToken)
    {
        var team = await sender.Send(command, cancellationToken);
        return TypedResults.Created($"/api/admin/teams/{Uri.EscapeDataString(team.Id)}", team);
    }

    public static async Task<Ok<TeamResponse>> Update(string id, UpdateTeamCommand command, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(command with { TeamId = id }, cancellationToken));

    public static async Task<NoContent> Delete(string id, ISender sender, CancellationToken cancellationToken)
    {
        await sender.Send(new DeleteTeamCommand(id), cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<NoContent> AddMember(string id, string userId, ISender sender, CancellationToken cancellationToken)
    {
        await sender.Send(new ChangeTeamMemberCommand(id, userId, Member: true), cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<NoContent> RemoveMember(string id, string userId, ISender sender, CancellationToken cancellationToken)
    {
        await sender.Send(new ChangeTeamMemberCommand(id, userId, Member: false), cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<IReadOnlyList<TeamSummary>>> MyTeams(ClaimsPrincipal user, TeamMembership membership, CancellationToken cancellationToken) =>
        TypedResults.Ok(await membership.TeamsOfAsync(user.UserId(), cancellationToken));
}

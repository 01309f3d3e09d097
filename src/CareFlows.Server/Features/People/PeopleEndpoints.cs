using CareFlows.Server.Auth;
using CareFlows.Server.Features.People.ListPeople;
using CareFlows.Server.Features.Teams;
using CareFlows.Server.Features.Users;
using CareFlows.Server.Infrastructure;
using CareFlows.Server.Persistence;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CareFlows.Server.Features.People;

/// <summary>
/// The people directory: names and teams of everyone on the staff, for any role (<see cref="Policies.AnyRole"/>), so
/// that pages can show who did what and coordinators can pick whom to hand a task to. Read only; the admin API
/// (<see cref="UsersEndpoints"/>) keeps email, roles and sessions to itself.
/// </summary>
public static class PeopleEndpoints
{
    public static IEndpointRouteBuilder MapPeople(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/people").WithTags("People").RequireAuthorization(Policies.AnyRole)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapGet("", List).WithName("ListPeople")
            .WithSummary("Lists active people by name, paged, by text in the name and team; or, by id, any people, former staff included.")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status422UnprocessableEntity);
        group.MapGet("/{id}", Get).WithName("GetPerson")
            .WithSummary("Reads a person's name, teams and whether they are active; former staff included.")
            .ProducesProblems(StatusCodes.Status404NotFound);
        return routes;
    }

    public static async Task<Ok<PersonPageResponse>> List(
        [AsParameters] ListPeopleQuery query,
        IValidator<ListPeopleQuery> validator,
        CareFlowsDbContext db,
        TeamMembership membership,
        CancellationToken cancellationToken)
    {
        await validator.ValidateAndThrowAsync(query, cancellationToken);
        var matching = query.Filter(db, membership).AsNoTracking();
        var total = await matching.CountAsync(cancellationToken);
        // People without a display name sort last; the id keeps pages stable among equal names.
        var page = await matching
            .OrderBy(u => u.DisplayName == null)
            .ThenBy(u => u.DisplayName)
            .ThenBy(u => u.Id)
            .Skip((query.PageNumber - 1) * query.Size)
            .Take(query.Size)
            .Select(u => new Row(u.Id, u.DisplayName, u.DeactivatedAt))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new PersonPageResponse(await ResponsesAsync(page, membership, cancellationToken), total, query.PageNumber, query.Size));
    }

    public static async Task<Ok<PersonResponse>> Get(string id, CareFlowsDbContext db, TeamMembership membership, CancellationToken cancellationToken)
    {
        var row = await db.Users.AsNoTracking()
            .Where(u => u.Id == id)
            .Select(u => new Row(u.Id, u.DisplayName, u.DeactivatedAt))
            .FirstOrDefaultAsync(cancellationToken) ?? throw UserDirectory.NotFound(id);
        return TypedResults.Ok((await ResponsesAsync([row], membership, cancellationToken))[0]);
    }

    // Only the columns a person shows are read, so nothing else about the account can leak into a response.
    private sealed record Row(string Id, string? DisplayName, DateTime? DeactivatedAt);

    private static async Task<List<PersonResponse>> ResponsesAsync(List<Row> rows, TeamMembership membership, CancellationToken cancellationToken)
    {
        var teams = await membership.TeamsOfAsync(rows.ConvertAll(r => r.Id), cancellationToken);
        return rows.ConvertAll(r => new PersonResponse(r.Id, r.DisplayName, r.DeactivatedAt is null, teams[r.Id]));
    }
}

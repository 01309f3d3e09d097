using System.Security.Claims;
using CareFlows.Server.Audit;
using CareFlows.Server.Auth;
using CareFlows.Server.Infrastructure;
using CareFlows.Server.Persistence;
using CareFlows.Server.Persistence.Configurations;
using CareFlows.Server.Persistence.Entities;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace CareFlows.Server.Features.Tasks;

/// <summary>The body of a saved filter: a name of the user's own and the <c>/api/tasks</c> query string it runs.</summary>
public sealed record SaveFilterRequest(string? Name, string? Query);

/// <summary>A saved inbox filter.</summary>
/// <param name="Id">The filter's id.</param>
/// <param name="Name">The user's name for it.</param>
/// <param name="Query">The <c>/api/tasks</c> query string it runs.</param>
/// <param name="CreatedAt">When it was saved.</param>
public sealed record SavedFilterResponse(string Id, string Name, string Query, DateTime CreatedAt);

/// <summary>Each person's saved inbox filters: list, save (a query the inbox accepts), delete.</summary>
public static class SavedFilters
{
    public static IEndpointRouteBuilder MapSavedFilters(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/tasks/filters").WithTags("Inbox").RequireAuthorization(Policies.Inbox);
        group.MapGet("", List).WithName("ListSavedFilters").WithSummary("Lists the user's saved inbox filters by name.");
        group.MapPost("", Save).WithName("SaveFilter").WithSummary("Saves an inbox query under a name.")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);
        group.MapDelete("/{id}", Delete).WithName("DeleteSavedFilter").WithSummary("Deletes one of the user's saved filters.")
            .ProducesProblems(StatusCodes.Status404NotFound);
        return routes;
    }

    public static async Task<Ok<List<SavedFilterResponse>>> List(ClaimsPrincipal user, CareFlowsDbContext db, CancellationToken cancellationToken)
    {
        var userId = user.UserId();
        var filters = await db.SavedFilters.AsNoTracking().Where(f => f.UserId == userId).OrderBy(f => f.Name)
            .Select(f => new SavedFilterResponse(f.Id, f.Name, f.Query, f.CreatedAt)).ToListAsync(cancellationToken);
        return TypedResults.Ok(filters);
    }

    /// <summary>201 with the filter; 422 when the query is not one the inbox accepts (its parameter named); 409 for a name in use.</summary>
    public static async Task<Created<SavedFilterResponse>> Save(
        SaveFilterRequest request, ClaimsPrincipal user, CareFlowsDbContext db, AuditedWrite audited, IValidator<ListTasksQuery> validator, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var name = request.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > ColumnSizes.Name || name.Any(char.IsControl))
        {
            throw Invalid("$.name", $"'name' is required, at most {ColumnSizes.Name} characters, without control characters.");
        }

        var query = (request.Query ?? "").TrimStart('?');
        if (query.Length > ColumnSizes.Text)
        {
            throw Invalid("$.query", $"'query' must be at most {ColumnSizes.Text} characters.");
        }

        await CheckAsync(query, validator, cancellationToken);
        var userId = user.UserId();
        if (await db.SavedFilters.AnyAsync(f => f.UserId == userId && f.Name == name, cancellationToken))
        {
            throw new ConflictException($"You already have a filter named '{name}'.");
        }

        var filter = new SavedFilterRecord { Id = Guid.CreateVersion7().ToString("N"), UserId = userId, Name = name, Query = query, CreatedAt = clock.GetUtcNow().UtcDateTime };
        var response = new SavedFilterResponse(filter.Id, filter.Name, filter.Query, filter.CreatedAt);
        await audited.RunAsync(
            async () =>
            {
                db.SavedFilters.Add(filter);
                await db.SaveChangesAsync(cancellationToken);
                return (true, new AuditChange("saved-filter.create", AuditActions.Create, EntityType, filter.Id) { After = AuditChange.Snapshot(response) });
            },
            cancellationToken);
        return TypedResults.Created($"/api/tasks/filters/{filter.Id}", response);
    }

    public static async Task<NoContent> Delete(string id, ClaimsPrincipal user, CareFlowsDbContext db, AuditedWrite audited, CancellationToken cancellationToken)
    {
        var userId = user.UserId();
        var filter = await db.SavedFilters.AsNoTracking().Where(f => f.Id == id && f.UserId == userId)
            .Select(f => new SavedFilterResponse(f.Id, f.Name, f.Query, f.CreatedAt)).FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException($"You have no saved filter {id}.");
        await audited.RunAsync(
            async () =>
            {
                var deleted = await db.SavedFilters.Where(f => f.Id == id && f.UserId == userId).ExecuteDeleteAsync(cancellationToken);
                return deleted == 0
                    ? throw new NotFoundException($"You have no saved filter {id}.")
                    : (true, new AuditChange("saved-filter.delete", AuditActions.Delete, EntityType, id) { Before = AuditChange.Snapshot(filter) });
            },
            cancellationToken);
        return TypedResults.NoContent();
    }

    private const string EntityType = "saved-filter";

    /// <summary>The query must be one <c>GET /api/tasks</c> accepts: known parameters, valid values.</summary>
    private static async Task CheckAsync(string query, IValidator<ListTasksQuery> validator, CancellationToken cancellationToken)
    {
        var values = QueryHelpers.ParseQuery(query);
        var known = typeof(ListTasksQuery).GetConstructors()[0].GetParameters().Select(p => char.ToLowerInvariant(p.Name![0]) + p.Name[1..]).ToHashSet(StringComparer.Ordinal);
        if (values.Keys.FirstOrDefault(k => !known.Contains(k)) is { } unknown)
        {
            throw Invalid("$.query", $"'{unknown}' is not an inbox filter; use {string.Join(", ", known)}.");
        }

        string? One(string key) => values.TryGetValue(key, out var v) ? v.ToString() : null;
        int? Number(string key) => One(key) is { } text ? int.TryParse(text, out var n) ? n : throw Invalid("$.query", $"'{key}' must be a whole number.") : null;
        bool? Flag(string key) => One(key) is { } text ? bool.TryParse(text, out var b) ? b : throw Invalid("$.query", $"'{key}' must be true or false.") : null;
        DateTimeOffset? Time(string key) => One(key) is { } text ? DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var t) ? t : throw Invalid("$.query", $"'{key}' must be a date and time.") : null;
        var parsed = new ListTasksQuery(One("queue"), One("team"), One("pathway"), One("priority"), One("patient"), One("status"),
            Time("dueBefore"), Flag("overdue"), Flag("followUpReached"), One("sort"), Number("page"), Number("pageSize"));
        var result = await validator.ValidateAsync(parsed, cancellationToken);
        if (!result.IsValid)
        {
            throw Invalid("$.query", string.Join(" ", result.Errors.Select(e => e.ErrorMessage)));
        }
    }

    private static UnprocessableException Invalid(string path, string message) => new(message, new Dictionary<string, string[]> { [path] = [message] });
}

using CareFlows.Server.Persistence;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CareFlows.Server.Features.Definitions;

/// <summary>
/// The latest version of every definition whose id, name or description contains <paramref name="Search"/>, in the
/// state <paramref name="Status"/> names (draft: never published; published: a version is published; retired: was
/// published, none is now), sorted by <paramref name="Sort"/>: <c>name</c> (the default) or <c>updated</c>, descending
/// with a leading <c>-</c>.
/// </summary>
public sealed record ListDefinitions(
    [FromQuery(Name = "search")] string? Search,
    [FromQuery(Name = "page")] int Page,
    [FromQuery(Name = "pageSize")] int PageSize,
    [FromQuery(Name = "status")] string? Status = null,
    [FromQuery(Name = "sort")] string? Sort = null) : IQuery<DefinitionPage>
{
    public static readonly IReadOnlyList<string> Statuses = ["draft", "published", "retired"];
    public static readonly IReadOnlyList<string> Sorts = ["name", "-name", "updated", "-updated"];
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 200;

    /// <summary>Keeps (page - 1) × page size within an int.</summary>
    public const int MaxPage = int.MaxValue / MaxPageSize;
}

public sealed class ListDefinitionsHandler(CareFlowsDbContext db) : IQueryHandler<ListDefinitions, DefinitionPage>
{
    public async ValueTask<DefinitionPage> Handle(ListDefinitions query, CancellationToken cancellationToken)
    {
        var latest = db.Definitions.AsNoTracking().Where(d => d.IsLatest);
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = query.Search.Trim().ToUpperInvariant();
#pragma warning disable CA1862 // EF translates ToUpper() to SQL upper(); Contains with a StringComparison has no SQL translation.
            latest = latest.Where(d => d.DefinitionId.ToUpper().Contains(term)
                || (d.Name != null && d.Name.ToUpper().Contains(term))
                || (d.Description != null && d.Description.ToUpper().Contains(term)));
#pragma warning restore CA1862
        }

        var all = db.Definitions.AsNoTracking();
        latest = query.Status switch
        {
            "published" => latest.Where(d => all.Any(p => p.DefinitionId == d.DefinitionId && p.IsPublished)),
            "retired" => latest.Where(d => !all.Any(p => p.DefinitionId == d.DefinitionId && p.IsPublished) && all.Any(p => p.DefinitionId == d.DefinitionId && p.PublishedAt != null)),
            "draft" => latest.Where(d => !all.Any(p => p.DefinitionId == d.DefinitionId && p.PublishedAt != null)),
            _ => latest,
        };
        var total = await latest.CountAsync(cancellationToken);
        var sorted = query.Sort switch
        {
            "-name" => latest.OrderByDescending(d => d.Name).ThenByDescending(d => d.DefinitionId),
            "updated" => latest.OrderBy(d => d.UpdatedAt).ThenBy(d => d.DefinitionId),
            "-updated" => latest.OrderByDescending(d => d.UpdatedAt).ThenBy(d => d.DefinitionId),
            _ => latest.OrderBy(d => d.Name).ThenBy(d => d.DefinitionId),
        };
        var items = await sorted
            .Skip((query.Page - 1) * query.PageSize)
            .Take(query.PageSize)
            .Select(d => new DefinitionSummary(
                d.DefinitionId,
                d.Name,
                d.Description,
                d.Version,
                db.Definitions.Where(p => p.DefinitionId == d.DefinitionId && p.IsPublished).Select(p => (int?)p.Version).FirstOrDefault(),
                d.IsPublished,
                d.UpdatedAt,
                d.CreatedBy,
                d.UpdatedBy,
                db.Definitions.Any(p => p.DefinitionId == d.DefinitionId && p.PublishedAt != null)))
            .ToListAsync(cancellationToken);
        return new DefinitionPage(items, total, query.Page, query.PageSize);
    }
}

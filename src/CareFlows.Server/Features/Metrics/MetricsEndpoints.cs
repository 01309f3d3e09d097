using CareFlows.Server.Auth;
using CareFlows.Server.Infrastructure;
using CareFlows.Server.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CareFlows.Server.Features.Metrics;

/// <summary>
/// The metrics that show whether a team met its clocks (DOMAIN §5), computed on request from what was recorded as it
/// happened, each stating its population, numerator and denominator. The figures hold no patient data; the items behind
/// them (<c>/{metric}/items</c>) do, and only the roles that read patient data may list them.
/// </summary>
public static class MetricsEndpoints
{
    /// <summary>The longest period one request may cover.</summary>
    public static readonly TimeSpan MaxPeriod = TimeSpan.FromDays(366);

    public static IEndpointRouteBuilder MapMetrics(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/metrics").WithTags("Metrics").RequireAuthorization(Policies.MetricsRead);
        group.MapGet("", List).WithName("ListMetrics").WithSummary("The metrics there are.");
        group.MapGet("/{metric}", Get).WithName("GetMetric")
            .WithSummary("One metric over a period (from, to; the last 30 days by default), optionally for one pathway and one team.")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);
        group.MapGet("/{metric}/items", Items).WithName("ListMetricItems")
            .RequireAuthorization(Policies.MetricItems)
            .WithSummary("The discharges, requests, referrals or tasks behind one ratio (in its numerator, its denominator, or missed: the denominator less the numerator) or measure of a metric, sorted and paged. Patient data: auditors and administrators only.")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound)
            .AuditsReads<MetricItemsPage>((context, page) => ReadAuditing.Read("metric.items", "metric", page.Metric, context, found: ReadAuditing.Found(page.Total, page.Items.Select(i => i.Patient?.Id))));
        return routes;
    }

    public static Ok<IEnumerable<MetricSummary>> List() => TypedResults.Ok(MetricsCalculator.Catalogue.Select(m => new MetricSummary(m.Id, m.Title, $"/api/metrics/{m.Id}")));

    public static async Task<Ok<MetricResult>> Get(
        string metric,
        DateTimeOffset? from,
        DateTimeOffset? to,
        string? pathway,
        string? team,
        TimeProvider clock,
        MetricsCalculator calculator,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(calculator);
        var errors = new Dictionary<string, string[]>();
        var query = Checked(metric, from, to, pathway, team, clock, errors);
        ThrowIfAny(errors);
        var figures = await calculator.ComputeAsync(metric, query, cancellationToken) ?? throw UnknownMetric(metric);
        return TypedResults.Ok(figures.Result);
    }

    /// <summary>
    /// The items behind one figure of a metric, counted by the same rules as the figure, so that their total is its
    /// numerator, denominator (or the difference) or the number of items a measure is taken over.
    /// </summary>
    public static async Task<Ok<MetricItemsPage>> Items(
        string metric,
        DateTimeOffset? from,
        DateTimeOffset? to,
        string? pathway,
        string? team,
        string? ratio,
        [FromQuery(Name = "in")] string? set,
        int? page,
        int? pageSize,
        string? sort,
        TimeProvider clock,
        MetricsCalculator calculator,
        CareFlowsDbContext db,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(calculator);
        var errors = new Dictionary<string, string[]>();
        var query = Checked(metric, from, to, pathway, team, clock, errors);
        if (string.IsNullOrWhiteSpace(ratio))
        {
            errors["ratio"] = ["'ratio' names the ratio or measure whose items to list."];
        }

        if (set is not null && !FigureItems.Sets.Contains(set))
        {
            errors["in"] = [$"'in' must be one of {string.Join(", ", FigureItems.Sets)}."];
        }

        if (page is < 1 or > MetricItemsListing.MaxPage)
        {
            errors["page"] = [$"'page' must be between 1 and {MetricItemsListing.MaxPage}."];
        }

        if (pageSize is < 1 or > MetricItemsListing.MaxPageSize)
        {
            errors["pageSize"] = [$"'pageSize' must be between 1 and {MetricItemsListing.MaxPageSize}."];
        }

        ThrowIfAny(errors);
        var figures = await calculator.ComputeAsync(metric, query, cancellationToken) ?? throw UnknownMetric(metric);
        var figure = figures.ItemsOf(ratio!);
        if (figure is null)
        {
            errors["ratio"] = [$"'{metric}' has no ratio or measure '{ratio}'; it has {string.Join(", ", figures.FigureNames)}."];
        }
        else if (!figure.IsRatio && set is not null)
        {
            errors["in"] = [$"'{ratio}' is a measure, not a ratio: it has no numerator or denominator, so 'in' does not apply."];
        }

        var order = string.IsNullOrWhiteSpace(sort) ? MetricItemsListing.CountedAt : sort;
        if (!MetricItemsListing.IsSort(figures.Shape, order))
        {
            errors["sort"] = [$"'sort' must be one of {string.Join(", ", MetricItemsListing.Sorts(figures.Shape))}, each with a leading '-' for descending."];
        }

        ThrowIfAny(errors);
        return TypedResults.Ok(await MetricItemsListing.PageAsync(
            figures, figure!, set, order, page ?? 1, pageSize ?? MetricItemsListing.DefaultPageSize, new PathwayRecords(db), cancellationToken));
    }

    /// <summary>The period and filters as the request gave them, with what is wrong with them added to <paramref name="errors"/> by parameter.</summary>
    private static MetricQuery Checked(string metric, DateTimeOffset? from, DateTimeOffset? to, string? pathway, string? team, TimeProvider clock, Dictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var now = clock.GetUtcNow();
        var end = to ?? now;
        var start = from ?? end.AddDays(-30);
        if (start >= end)
        {
            errors["from"] = ["'from' must be before 'to'."];
        }
        else if (end - start > MaxPeriod)
        {
            errors["to"] = [$"A period covers at most {MaxPeriod.TotalDays:0} days."];
        }

        if (!MetricsCalculator.CountsTasks(metric))
        {
            // Counted per discharge, request or referral: a team or pathway narrows nothing there, and saying so beats ignoring it.
            foreach (var (name, value) in new[] { ("team", team), ("pathway", pathway) }.Where(p => !string.IsNullOrWhiteSpace(p.Item2)))
            {
                errors[name] = [$"'{metric}' is counted per pathway instance; '{name}' narrows only task-sla and coordinator-workload."];
            }
        }

        return new MetricQuery(start, end, string.IsNullOrWhiteSpace(pathway) ? null : pathway, string.IsNullOrWhiteSpace(team) ? null : team, now);
    }

    private static void ThrowIfAny(Dictionary<string, string[]> errors)
    {
        if (errors.Count > 0)
        {
            throw new InvalidQueryException(errors);
        }
    }

    private static NotFoundException UnknownMetric(string metric) => new($"There is no metric '{metric}'; GET /api/metrics lists them.");
}

/// <summary>A metric there is, and where to read it.</summary>
public sealed record MetricSummary(string Id, string Title, string Href);

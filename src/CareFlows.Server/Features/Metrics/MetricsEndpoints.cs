using CareFlows.Server.Auth;
using CareFlows.Server.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CareFlows.Server.Features.Metrics;

/// <summary>
/// The metrics that show whether a team met its clocks (DOMAIN §5), computed on request from what was recorded as it
/// happened, each stating its population, numerator and denominator. They hold no patient data.
/// </summary>
public static class MetricsEndpoints
{
    /// <summary>The longest period one request may cover.</summary>
    public static readonly TimeSpan MaxPeriod = TimeSpan.FromDays(366);

    public static IEndpointRouteBuilder MapMetrics(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/metrics").WithTags("Metrics").RequireAuthorization(Policies.AnyRole);
        group.MapGet("", List).WithName("ListMetrics").WithSummary("The metrics there are.");
        group.MapGet("/{metric}", Get).WithName("GetMetric")
            .WithSummary("One metric over a period (from, to; the last 30 days by default), optionally for one pathway and one team.")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);
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
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(calculator);
        var now = clock.GetUtcNow();
        var end = to ?? now;
        var start = from ?? end.AddDays(-30);
        var errors = new Dictionary<string, string[]>();
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

        if (errors.Count > 0)
        {
            throw new InvalidQueryException(errors);
        }

        var query = new MetricQuery(start, end, string.IsNullOrWhiteSpace(pathway) ? null : pathway, string.IsNullOrWhiteSpace(team) ? null : team, now);
        var result = await calculator.ComputeAsync(metric, query, cancellationToken)
            ?? throw new NotFoundException($"There is no metric '{metric}'; GET /api/metrics lists them.");
        return TypedResults.Ok(result);
    }
}

/// <summary>A metric there is, and where to read it.</summary>
public sealed record MetricSummary(string Id, string Title, string Href);

namespace CareFlows.Server.Features.Metrics;

/// <summary>The period and filters a metric is computed over, as the request gave them (checked), and the time it is computed at.</summary>
/// <param name="From">Start of the period (inclusive).</param>
/// <param name="To">End of the period (exclusive).</param>
/// <param name="Pathway">A definition id, for the metrics that count tasks.</param>
/// <param name="Team">A team id, for the metrics that count tasks.</param>
/// <param name="Now">When it is computed: what is due later is not yet late.</param>
public sealed record MetricQuery(DateTimeOffset From, DateTimeOffset To, string? Pathway, string? Team, DateTimeOffset Now)
{
    public IReadOnlyDictionary<string, string?> Filters => new Dictionary<string, string?> { ["pathway"] = Pathway, ["team"] = Team };

    public bool InPeriod(DateTimeOffset at) => at >= From && at < To;

    public MetricResult Result(string metric, string title, string population, IReadOnlyList<MetricRatio> ratios, IReadOnlyDictionary<string, MetricMeasure> measures, IReadOnlyList<MetricRow>? rows = null) =>
        new(metric, title, From, To, Filters, population, ratios, measures, rows ?? []);
}

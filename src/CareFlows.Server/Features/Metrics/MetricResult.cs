namespace CareFlows.Server.Features.Metrics;

/// <summary>
/// One metric over a period, computed from what was recorded as it happened (task history, the times and data of
/// completed tasks, the facts and decisions instances recorded): what it counts and how, so that a reader can check it.
/// </summary>
/// <param name="Metric">Its id, e.g. <c>tcm-contact</c>.</param>
/// <param name="Title">What it measures.</param>
/// <param name="From">Start of the period (inclusive).</param>
/// <param name="To">End of the period (exclusive).</param>
/// <param name="Filters">The pathway and team it was narrowed to, if any.</param>
/// <param name="Population">Who is counted.</param>
/// <param name="Ratios">Its rates, each with its numerator and denominator.</param>
/// <param name="Measures">Its other figures (medians, percentiles, counts by kind).</param>
/// <param name="Rows">Its breakdown, when it has one (per coordinator, per queue, per priority).</param>
public sealed record MetricResult(
    string Metric,
    string Title,
    DateTimeOffset From,
    DateTimeOffset To,
    IReadOnlyDictionary<string, string?> Filters,
    string Population,
    IReadOnlyList<MetricRatio> Ratios,
    IReadOnlyDictionary<string, MetricMeasure> Measures,
    IReadOnlyList<MetricRow> Rows);

/// <summary>One line of a breakdown: what it is of, and its figures by name.</summary>
public sealed record MetricRow(string Kind, string Key, IReadOnlyDictionary<string, double?> Values);

/// <summary>A rate: <see cref="Numerator"/> of <see cref="Denominator"/>, null when the denominator is empty.</summary>
public sealed record MetricRatio(string Name, string NumeratorDefinition, int Numerator, string DenominatorDefinition, int Denominator)
{
    public double? Rate => Denominator == 0 ? null : Math.Round((double)Numerator / Denominator, 4);
}

/// <summary>A figure with its unit and what it is of; null when nothing was there to measure.</summary>
public sealed record MetricMeasure(double? Value, string Unit, string Definition);

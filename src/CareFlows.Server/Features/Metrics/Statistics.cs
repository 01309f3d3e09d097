namespace CareFlows.Server.Features.Metrics;

/// <summary>Summary statistics as the metric definitions ask for them; null for no values.</summary>
internal static class Statistics
{
    public static double? Mean(IReadOnlyCollection<double> values) => values.Count == 0 ? null : Math.Round(values.Average(), 2);

    public static double? Median(IReadOnlyCollection<double> values) => Percentile(values, 50);

    /// <summary>The nearest-rank percentile: the smallest value with at least <paramref name="percent"/> % of the values at or below it.</summary>
    public static double? Percentile(IReadOnlyCollection<double> values, int percent)
    {
        if (values.Count == 0)
        {
            return null;
        }

        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(percent / 100.0 * sorted.Length);
        return Math.Round(sorted[Math.Clamp(rank, 1, sorted.Length) - 1], 2);
    }
}

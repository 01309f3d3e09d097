namespace CareFlows.Server.Features.Metrics;

/// <summary>
/// A metric's figures built from the items they count, so that every count is the size of an item set and every
/// statistic is taken over the values of one: the figures and the items behind them cannot disagree.
/// </summary>
internal sealed class MetricFigures(MetricQuery query, string metric, string title, string population, ItemShape shape)
{
    private readonly List<MetricRatio> ratios = [];
    private readonly Dictionary<string, MetricMeasure> measures = [];
    private readonly Dictionary<string, FigureItems> items = [];
    private readonly List<MetricRow> rows = [];

    public MetricQuery Query => query;

    public string Metric => metric;

    public ItemShape Shape => shape;

    public MetricResult Result => query.Result(metric, title, population, ratios, measures, rows);

    /// <summary>The items behind a ratio or measure by its name; null when the metric has no such figure.</summary>
    public FigureItems? ItemsOf(string figure) => items.GetValueOrDefault(figure);

    public IEnumerable<string> FigureNames => items.Keys;

    /// <summary>A ratio whose denominator is <paramref name="population"/> and whose numerator is the part of it that <paramref name="counts"/>.</summary>
    public MetricFigures Ratio<T>(
        string name, string numeratorDefinition, string denominatorDefinition,
        IEnumerable<T> population, Func<T, CountedItem> item, Func<T, bool> counts,
        Func<T, double?>? value = null, MetricItemField? valueField = null)
    {
        var entries = population.Select(p => new ItemEntry(item(p), counts(p), value?.Invoke(p))).ToList();
        ratios.Add(new MetricRatio(name, numeratorDefinition, entries.Count(e => e.InNumerator == true), denominatorDefinition, entries.Count));
        items[name] = new FigureItems(name, true, numeratorDefinition, denominatorDefinition, entries, valueField);
        return this;
    }

    /// <summary>A count: how many of <paramref name="counted"/> there are.</summary>
    public MetricFigures Count<T>(string name, string unit, string definition, IEnumerable<T> counted, Func<T, CountedItem> item,
        Func<T, double?>? value = null, MetricItemField? valueField = null)
    {
        var entries = counted.Select(c => new ItemEntry(item(c), null, value?.Invoke(c))).ToList();
        measures[name] = new MetricMeasure(entries.Count, unit, definition);
        items[name] = new FigureItems(name, false, definition, definition, entries, valueField);
        return this;
    }

    /// <summary>A statistic over the values of <paramref name="measured"/>; those without a value are not measured, and not listed.</summary>
    public MetricFigures Statistic<T>(string name, string unit, string definition, IEnumerable<T> measured, Func<T, CountedItem> item,
        Func<T, double?> value, MetricItemField valueField, Func<IReadOnlyCollection<double>, double?> statistic)
    {
        var entries = measured.Select(m => new ItemEntry(item(m), null, value(m))).Where(e => e.Value is not null).ToList();
        measures[name] = new MetricMeasure(statistic([.. entries.Select(e => e.Value!.Value)]), unit, definition);
        items[name] = new FigureItems(name, false, definition, definition, entries, valueField);
        return this;
    }

    public MetricFigures Row(MetricRow row)
    {
        rows.Add(row);
        return this;
    }
}

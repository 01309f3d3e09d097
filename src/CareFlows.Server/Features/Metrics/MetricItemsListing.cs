using System.Globalization;

namespace CareFlows.Server.Features.Metrics;

/// <summary>Sorts and pages the items behind a figure, and names their patients, for <c>GET /api/metrics/{metric}/items</c>.</summary>
internal static class MetricItemsListing
{
    public const int DefaultPageSize = 50;

    /// <summary>Large enough for a screen or an export batch, small enough that one request stays cheap.</summary>
    public const int MaxPageSize = 200;

    /// <summary>Keeps (page - 1) × page size within an int.</summary>
    public const int MaxPage = int.MaxValue / MaxPageSize;

    public const string CountedAt = "counted";
    public const string Patient = "patient";
    public const string Value = "value";
    public const string Met = "met";

    /// <summary>What the items of a metric with this shape can be sorted by; each also descending with a leading '-'.</summary>
    public static IReadOnlyList<string> Sorts(ItemShape shape) => [CountedAt, Patient, Value, Met, .. shape.Times.Select(t => t.Name)];

    public static bool IsSort(ItemShape shape, string sort) => Sorts(shape).Contains(sort.TrimStart('-'), StringComparer.Ordinal);

    public static async Task<MetricItemsPage> PageAsync(
        MetricFigures figures, FigureItems figure, string? set, string sort, int page, int pageSize, PathwayRecords records, CancellationToken cancellationToken)
    {
        var entries = figure.In(set);
        var key = sort.TrimStart('-');
        // Patients are looked up only for the items shown, unless the order itself depends on them.
        var patients = key == Patient ? await PatientsAsync(entries, records, cancellationToken) : null;
        var ordered = Order(entries, key, sort.StartsWith('-'), patients);
        var shown = ordered.Skip((page - 1) * pageSize).Take(pageSize).ToList();
        patients ??= await PatientsAsync(shown, records, cancellationToken);
        var query = figures.Query;
        return new MetricItemsPage(
            figures.Metric, figure.Name, figure.IsRatio ? set ?? FigureItems.Denominator : null, figure.IsRatio ? figure.DefinitionOf(set) : figure.Definition,
            query.From, query.To, figures.Shape.CountedAt, figures.Shape.Times, figure.Value, figures.Shape.Met, Sorts(figures.Shape), sort,
            shown.ConvertAll(e => Response(e, figures.Shape, patients)), entries.Count, page, pageSize);
    }

    private static async Task<Dictionary<string, (MetricPatient Patient, string? PathwayName)>> PatientsAsync(
        IEnumerable<ItemEntry> entries, PathwayRecords records, CancellationToken cancellationToken)
    {
        var unnamed = entries.Where(e => e.Item.Patient is null).Select(e => e.Item.InstanceId).Distinct().ToList();
        return unnamed.Count == 0 ? [] : await records.PatientsAsync(unnamed, cancellationToken);
    }

    private static IEnumerable<ItemEntry> Order(IReadOnlyList<ItemEntry> entries, string key, bool descending, Dictionary<string, (MetricPatient Patient, string? PathwayName)>? patients)
    {
        IComparable? By(ItemEntry e) => key switch
        {
            CountedAt => e.Item.CountedAt,
            Patient => PatientOf(e.Item, patients)?.Name?.ToUpperInvariant(),
            Value => e.Value,
            Met => e.Item.Met,
            _ => e.Item.Times.GetValueOrDefault(key),
        };

        // Items without the value sorted on come last either way; the counted time and ids keep pages stable.
        var present = entries.Where(e => By(e) is not null);
        var sorted = descending ? present.OrderByDescending(By) : present.OrderBy(By);
        return sorted.ThenBy(e => e.Item.CountedAt).ThenBy(e => e.Item.InstanceId, StringComparer.Ordinal).ThenBy(e => e.Item.TaskId, StringComparer.Ordinal)
            .Concat(entries.Where(e => By(e) is null).OrderBy(e => e.Item.CountedAt).ThenBy(e => e.Item.InstanceId, StringComparer.Ordinal).ThenBy(e => e.Item.TaskId, StringComparer.Ordinal));
    }

    private static MetricPatient? PatientOf(CountedItem item, Dictionary<string, (MetricPatient Patient, string? PathwayName)>? patients) =>
        item.Patient ?? (patients is not null && patients.TryGetValue(item.InstanceId, out var found) ? found.Patient : null);

    private static MetricItem Response(ItemEntry entry, ItemShape shape, Dictionary<string, (MetricPatient Patient, string? PathwayName)> patients)
    {
        var item = entry.Item;
        var found = patients.TryGetValue(item.InstanceId, out var p) ? p : default;
        return new MetricItem(
            item.InstanceId,
            item.TaskId,
            item.Patient ?? found.Patient,
            item.Pathway,
            item.PathwayName ?? found.PathwayName,
            item.CountedAt,
            item.Detail,
            shape.Times.ToDictionary(t => t.Name, t => Format(item.Times.GetValueOrDefault(t.Name), t.Kind)),
            entry.Value is { } value ? Math.Round(value, 2) : null,
            item.Met,
            entry.InNumerator);
    }

    private static string? Format(DateTimeOffset? at, string kind) => at is not { } time ? null
        : kind == ItemShape.Date ? DateOnly.FromDateTime(time.UtcDateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
        : time.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);
}

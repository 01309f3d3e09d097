namespace CareFlows.Server.Features.Metrics;

/// <summary>
/// A discharge, request, referral or task as a metric counted it. The patient is known here only when the metric read
/// the task that names them; otherwise it is looked up from the instance's tasks when the items are listed.
/// </summary>
/// <param name="InstanceId">The pathway instance it stands for.</param>
/// <param name="TaskId">The task the metric read for it, where there is one.</param>
/// <param name="Pathway">The pathway's definition id.</param>
/// <param name="CountedAt">The time that places it in the period (discharge, decision, authoring, due time).</param>
/// <param name="Times">The times that decided it, by the names of the metric's <see cref="ItemShape.Times"/>; a date is midnight UTC of that date.</param>
/// <param name="Detail">What else tells it apart (urgency and outcome, priority and status), in words.</param>
/// <param name="Met">Whether it met the metric's clock, when the metric has one.</param>
/// <param name="Patient">The patient, when the metric read a task that names them.</param>
/// <param name="PathwayName">The pathway's name, when the metric read a task that records it.</param>
internal sealed record CountedItem(
    string InstanceId,
    string? TaskId,
    string Pathway,
    DateTimeOffset CountedAt,
    IReadOnlyDictionary<string, DateTimeOffset?> Times,
    string? Detail = null,
    bool? Met = null,
    MetricPatient? Patient = null,
    string? PathwayName = null);

/// <summary>The columns a metric's items have: what their counted time is, their other times, and what "met" means.</summary>
internal sealed record ItemShape(MetricItemField CountedAt, IReadOnlyList<MetricItemField> Times, string? Met)
{
    public const string Instant = "instant";
    public const string Date = "date";

    public static MetricItemField At(string name, string label) => new(name, label, Instant);

    public static MetricItemField On(string name, string label) => new(name, label, Date);

    /// <summary>A date as the items carry it: midnight UTC of that day.</summary>
    public static DateTimeOffset? AsTime(DateOnly? date) => date is { } d ? new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null;
}

/// <summary>An item in a figure's set: for a ratio, whether it is in the numerator; for a measured figure, its value.</summary>
internal sealed record ItemEntry(CountedItem Item, bool? InNumerator, double? Value);

/// <summary>The items behind one ratio or measure: the set whose size, or whose values, the figure is.</summary>
internal sealed record FigureItems(string Name, bool IsRatio, string NumeratorDefinition, string Definition, IReadOnlyList<ItemEntry> Entries, MetricItemField? Value)
{
    public const string Numerator = "numerator";
    public const string Denominator = "denominator";
    public const string Missed = "missed";

    public static readonly IReadOnlyList<string> Sets = [Numerator, Denominator, Missed];

    public IReadOnlyList<ItemEntry> In(string? set) => set switch
    {
        Numerator => [.. Entries.Where(e => e.InNumerator == true)],
        Missed => [.. Entries.Where(e => e.InNumerator != true)],
        _ => Entries,
    };

    public string DefinitionOf(string? set) => set switch
    {
        Numerator => NumeratorDefinition,
        Missed => $"{Definition}, but not {NumeratorDefinition}",
        _ => Definition,
    };
}

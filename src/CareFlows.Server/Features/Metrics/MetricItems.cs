namespace CareFlows.Server.Features.Metrics;

/// <summary>
/// One page of the items behind a figure of a metric: the discharges, requests, referrals or tasks its numerator,
/// denominator or missed set holds (for a measure, the items it is computed over), with the columns that describe them.
/// </summary>
/// <param name="Metric">The metric's id.</param>
/// <param name="Figure">The ratio or measure the items are behind.</param>
/// <param name="In">numerator, denominator or missed for a ratio; null for a measure.</param>
/// <param name="Definition">What puts an item in this set.</param>
/// <param name="From">Start of the period (inclusive).</param>
/// <param name="To">End of the period (exclusive).</param>
/// <param name="CountedAt">What <see cref="MetricItem.CountedAt"/> is: the time that places an item in the period.</param>
/// <param name="Times">The other times each item carries, in the order to show them.</param>
/// <param name="Value">What <see cref="MetricItem.Value"/> is, when the figure measures one.</param>
/// <param name="Met">What <see cref="MetricItem.Met"/> says, when the metric has a clock.</param>
/// <param name="Sorts">The sort keys this list accepts (each also with a leading '-' for descending).</param>
/// <param name="Sort">The order of this page.</param>
/// <param name="Items">This page's items.</param>
/// <param name="Total">How many items the set holds: the figure's count.</param>
/// <param name="Page">1-based page number.</param>
/// <param name="PageSize">Items per page.</param>
public sealed record MetricItemsPage(
    string Metric,
    string Figure,
    string? In,
    string Definition,
    DateTimeOffset From,
    DateTimeOffset To,
    MetricItemField CountedAt,
    IReadOnlyList<MetricItemField> Times,
    MetricItemField? Value,
    string? Met,
    IReadOnlyList<string> Sorts,
    string Sort,
    IReadOnlyList<MetricItem> Items,
    int Total,
    int Page,
    int PageSize);

/// <summary>A column of the items: its name in <see cref="MetricItem.Times"/>, its label, and whether it is an instant or a date (or, for a value, its unit).</summary>
public sealed record MetricItemField(string Name, string Label, string Kind);

/// <summary>
/// One thing a metric counted, with the instance (and the task, where the metric read one) it stands for, the patient
/// as the instance's tasks record them, and the times that decided whether it met the clock.
/// </summary>
/// <param name="InstanceId">The pathway instance it stands for.</param>
/// <param name="TaskId">The task the metric read for it, where there is one.</param>
/// <param name="Patient">The patient as the task (or the instance's first task naming one) records them.</param>
/// <param name="Pathway">The pathway's definition id.</param>
/// <param name="PathwayName">The pathway's name as its tasks record it.</param>
/// <param name="CountedAt">The time that places it in the period.</param>
/// <param name="Detail">What else tells it apart, in words.</param>
/// <param name="Times">The times that decided it, by <see cref="MetricItemsPage.Times"/> name: ISO 8601 instants or dates.</param>
/// <param name="Value">What the figure measures of it, when it measures something.</param>
/// <param name="Met">Whether it met the metric's clock, when the metric has one.</param>
/// <param name="InNumerator">For a ratio, whether the item is in its numerator.</param>
public sealed record MetricItem(
    string InstanceId,
    string? TaskId,
    MetricPatient? Patient,
    string Pathway,
    string? PathwayName,
    DateTimeOffset CountedAt,
    string? Detail,
    IReadOnlyDictionary<string, string?> Times,
    double? Value,
    bool? Met,
    bool? InNumerator);

/// <summary>The patient as a task records them.</summary>
public sealed record MetricPatient(string? Id, string? Mrn, string? Name);

using CareFlows.Engine.Calendar;
using CareFlows.Server.Persistence;

namespace CareFlows.Server.Features.Metrics;

/// <summary>Computes one metric by its id over a query's period and filters; null for an id there is no metric for.</summary>
public sealed class MetricsCalculator(CareFlowsDbContext db, BusinessCalendar calendar)
{
    public static readonly IReadOnlyList<(string Id, string Title)> Catalogue =
    [
        ("tcm-contact", "TCM interactive contact within 2 business days, and attempt compliance"),
        ("tcm-face-to-face", "TCM face-to-face visit by day 7 or 14, and medication reconciliation by the visit"),
        ("pa-turnaround", "Prior authorization turnaround: mean, median, p90, and within 72 hours / 7 days"),
        ("pa-outcomes", "Prior authorization outcome mix, pends and first-pass rate"),
        ("referral-loop-closure", "Referral loop closure rate and days to close"),
        ("task-sla", "Task deadline breach rate, by priority and pathway"),
        ("coordinator-workload", "Coordinator workload: open, overdue and weighted load, queues, throughput"),
    ];

    /// <summary>Whether the metric counts tasks, which a pathway and a team can narrow.</summary>
    public static bool CountsTasks(string metric) => metric is "task-sla" or "coordinator-workload";

    /// <summary>The metric's figures with the items behind each, so that the counts and the lists come from one rule.</summary>
    internal async Task<MetricFigures?> ComputeAsync(string metric, MetricQuery query, CancellationToken cancellationToken)
    {
        var records = new PathwayRecords(db);
        return metric switch
        {
            "tcm-contact" => await new TransitionalCareMetrics(records, calendar).ContactAsync(query, cancellationToken),
            "tcm-face-to-face" => await new TransitionalCareMetrics(records, calendar).FaceToFaceAsync(query, cancellationToken),
            "pa-turnaround" => await new PriorAuthorizationMetrics(records).TurnaroundAsync(query, cancellationToken),
            "pa-outcomes" => await new PriorAuthorizationMetrics(records).OutcomesAsync(query, cancellationToken),
            "referral-loop-closure" => await new ReferralMetrics(records).LoopClosureAsync(query, cancellationToken),
            "task-sla" => await new TaskMetrics(db).SlaAsync(query, cancellationToken),
            "coordinator-workload" => await new TaskMetrics(db).WorkloadAsync(query, cancellationToken),
            _ => null,
        };
    }
}

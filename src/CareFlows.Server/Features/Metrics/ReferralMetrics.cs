using static CareFlows.Server.Features.Metrics.RecordedJson;

namespace CareFlows.Server.Features.Metrics;

/// <summary>
/// Closed-loop referrals (DOMAIN §5, M8–M9; CMS50): how many referrals authored in the period had the specialist's
/// report received and linked by the period's end, and how long that took; open loops by age.
/// </summary>
internal sealed class ReferralMetrics(PathwayRecords records)
{
    public const string DefinitionId = "specialist-referral";

    public async Task<MetricResult> LoopClosureAsync(MetricQuery query, CancellationToken cancellationToken)
    {
        var referrals = (await records.InstancesAsync(DefinitionId, query.From.UtcDateTime, cancellationToken))
            .Select(i => (Instance: i, AuthoredOn: Instant(i.Variable("Referral")?["authoredOn"])))
            .Where(r => r.AuthoredOn is { } at && query.InPeriod(at))
            .ToList();
        var closure = referrals.Select(r => r.Instance.Output["closure"]).ToList();
        var closedBy = referrals
            .Select(r => r.Instance.Output["closure"])
            .Where(c => Text(c?["status"]) == "closed" && Instant(c?["closedAt"]) is { } closedAt && closedAt < query.To)
            .ToList();
        var days = closedBy.Select(c => Number(c?["daysToClose"])).OfType<double>().ToList();
        var open = referrals.Where(r => r.Instance.Record.Status != "Finished").ToList();
        var ages = open.Select(r => (query.Now - r.AuthoredOn!.Value).TotalDays).ToList();
        return query.Result("referral-loop-closure", "Referral loop closure",
            "Specialist referrals authored in the period (CMS50: the report received and linked closes the loop).",
            [
                new MetricRatio("loopClosureRate", "the consult note received and linked to the referral by the period's end", closedBy.Count, "referrals authored in the period", referrals.Count),
                new MetricRatio("cancelledRate", "cancelled (not authorized, declined and not rerouted, or closed after no-shows)", closure.Count(c => Text(c?["status"]) == "cancelled"), "referrals authored in the period", referrals.Count),
            ],
            new Dictionary<string, MetricMeasure>
            {
                ["medianDaysToClose"] = new(Statistics.Median(days), "days", "from the referral to its closing, of the loops closed"),
                ["p90DaysToClose"] = new(Statistics.Percentile(days, 90), "days", "90th percentile, of the loops closed"),
                ["openLoops"] = new(open.Count, "referrals", "still open now"),
                ["medianOpenAgeDays"] = new(Statistics.Median(ages), "days", "how long the open loops have been open"),
            });
    }
}

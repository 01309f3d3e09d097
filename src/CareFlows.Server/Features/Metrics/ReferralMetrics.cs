using static CareFlows.Server.Features.Metrics.RecordedJson;

namespace CareFlows.Server.Features.Metrics;

/// <summary>
/// Closed-loop referrals (DOMAIN §5, M8–M9; CMS50): how many referrals authored in the period had the specialist's
/// report received and linked by the period's end, and how long that took; open loops by age.
/// </summary>
internal sealed class ReferralMetrics(PathwayRecords records)
{
    public const string DefinitionId = "specialist-referral";

    private static readonly ItemShape Shape = new(
        ItemShape.At("authoredOn", "Referred"),
        [ItemShape.At("closedAt", "Loop closed")],
        "loop closed by the period's end");

    private static readonly MetricItemField DaysToClose = new("daysToClose", "Days to close", "days");

    private static readonly MetricItemField OpenAgeDays = new("openAgeDays", "Open for", "days");

    /// <summary>One referral as the loop-closure measure judged it.</summary>
    private sealed record Referral(CountedItem Item, string? Status, bool ClosedByPeriodEnd, double? DaysToClose, bool Open, double AgeDays);

    public async Task<MetricFigures> LoopClosureAsync(MetricQuery query, CancellationToken cancellationToken)
    {
        var authored = (await records.InstancesAsync(DefinitionId, query.From.UtcDateTime, cancellationToken))
            .Select(i => (Instance: i, AuthoredOn: Instant(i.Variable("Referral")?["authoredOn"])))
            .Where(r => r.AuthoredOn is { } at && query.InPeriod(at))
            .ToList();
        var linking = (await records.TasksAsync([.. authored.Select(r => r.Instance.Record.Id)], "link-consult-note", cancellationToken))
            .ToLookup(t => t.InstanceId);
        var referrals = authored.ConvertAll(r =>
        {
            var closure = r.Instance.Output["closure"];
            var status = Text(closure?["status"]);
            var closedAt = Instant(closure?["closedAt"]);
            var closedBy = status == "closed" && closedAt is { } at && at < query.To;
            var item = new CountedItem(r.Instance.Record.Id, linking[r.Instance.Record.Id].OrderBy(t => t.CreatedAt).LastOrDefault()?.Id, DefinitionId, r.AuthoredOn!.Value,
                new Dictionary<string, DateTimeOffset?> { ["closedAt"] = closedAt }, status ?? "open", closedBy);
            return new Referral(item, status, closedBy, closedBy ? Number(closure?["daysToClose"]) : null,
                r.Instance.Record.Status != "Finished", (query.Now - r.AuthoredOn!.Value).TotalDays);
        });

        const string Authored = "referrals authored in the period";
        return new MetricFigures(query, "referral-loop-closure", "Referral loop closure",
                "Specialist referrals authored in the period (CMS50: the report received and linked closes the loop).", Shape)
            .Ratio("loopClosureRate", "the consult note received and linked to the referral by the period's end", Authored, referrals, r => r.Item, r => r.ClosedByPeriodEnd)
            .Ratio("cancelledRate", "cancelled (not authorized, declined and not rerouted, or closed after no-shows)", Authored, referrals, r => r.Item, r => r.Status == "cancelled")
            .Statistic("medianDaysToClose", "days", "from the referral to its closing, of the loops closed", referrals, r => r.Item, r => r.DaysToClose, DaysToClose, Statistics.Median)
            .Statistic("p90DaysToClose", "days", "90th percentile, of the loops closed", referrals, r => r.Item, r => r.DaysToClose, DaysToClose, v => Statistics.Percentile(v, 90))
            .Count("openLoops", "referrals", "still open now", referrals.Where(r => r.Open), r => r.Item, r => Math.Round(r.AgeDays, 1), OpenAgeDays)
            .Statistic("medianOpenAgeDays", "days", "how long the open loops have been open", referrals.Where(r => r.Open), r => r.Item, r => r.AgeDays, OpenAgeDays, Statistics.Median);
    }
}

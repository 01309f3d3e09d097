using System.Text.Json.Nodes;
using static CareFlows.Server.Features.Metrics.RecordedJson;

namespace CareFlows.Server.Features.Metrics;

/// <summary>
/// Prior authorization (DOMAIN §5, M6–M7; what CMS-0057-F has payers report): the payer's turnaround from submission to
/// its decision, expedited and standard apart, and the mix of decisions. Each request counts once, by the time of its
/// last decision (a pend is not a decision), as the request recorded it when the payer's answer arrived.
/// </summary>
internal sealed class PriorAuthorizationMetrics(PathwayRecords records)
{
    public const string DefinitionId = "prior-authorization";

    private static readonly string[] Decisions = ["approved", "partial", "modified", "denied"];

    public async Task<MetricResult> TurnaroundAsync(MetricQuery query, CancellationToken cancellationToken)
    {
        var decided = await DecidedAsync(query, cancellationToken);
        var measures = new Dictionary<string, MetricMeasure>();
        var ratios = new List<MetricRatio>();
        foreach (var (urgency, clock) in new[] { ("expedited", "72 hours"), ("standard", "7 calendar days") })
        {
            var hours = decided.Where(d => d.Urgency == urgency).Select(d => d.Hours).ToList();
            measures[$"{urgency}MeanHours"] = new(Statistics.Mean(hours), "hours", $"mean time from submission to decision, {urgency} requests");
            measures[$"{urgency}MedianHours"] = new(Statistics.Median(hours), "hours", $"median, {urgency} requests");
            measures[$"{urgency}P90Hours"] = new(Statistics.Percentile(hours, 90), "hours", $"90th percentile, {urgency} requests");
            ratios.Add(new MetricRatio($"{urgency}WithinTimeframe", $"decided within {clock} of submission (or the payer's recorded extension)",
                decided.Count(d => d.Urgency == urgency && d.WithinTimeframe), $"{urgency} requests decided in the period", hours.Count));
        }

        measures["extended"] = new(decided.Count(d => d.Extended), "requests", "decided requests whose payer recorded an extension");
        return query.Result("pa-turnaround", "Prior authorization turnaround",
            "Prior authorization requests whose payer decided (approved, partial, modified or denied) in the period, by the time of that decision.",
            ratios, measures);
    }

    public async Task<MetricResult> OutcomesAsync(MetricQuery query, CancellationToken cancellationToken)
    {
        var decided = await DecidedAsync(query, cancellationToken);
        const string All = "requests decided in the period";
        var ratios = Decisions.Select(o => new MetricRatio(o, $"decided {o}", decided.Count(d => d.Outcome == o), All, decided.Count)).ToList();
        ratios.Add(new MetricRatio("pendedFirst", "pended for more information before the decision (PAS A4)", decided.Count(d => d.WasPended), All, decided.Count));
        ratios.Add(new MetricRatio("firstPass", "decided without a pend for more information", decided.Count(d => !d.WasPended), All, decided.Count));
        ratios.Add(new MetricRatio("appealed", "denied or partly approved, and the appeal filed", decided.Count(d => d.Appealed), "requests denied or partly approved in the period", decided.Count(d => d.Outcome is "denied" or "partial" or "modified")));
        return query.Result("pa-outcomes", "Prior authorization outcome mix",
            "Prior authorization requests whose payer decided in the period, by the time of that decision.",
            ratios, new Dictionary<string, MetricMeasure>());
    }

    private sealed record Decision(string Outcome, string Urgency, double Hours, bool WithinTimeframe, bool WasPended, bool Extended, bool Appealed);

    private async Task<List<Decision>> DecidedAsync(MetricQuery query, CancellationToken cancellationToken)
    {
        var decisions = new List<Decision>();
        foreach (var instance in await records.InstancesAsync(DefinitionId, query.From.UtcDateTime.AddDays(-60), cancellationToken))
        {
            if (instance.Variable("Decided") is not JsonObject decided
                || Text(decided["outcome"]) is not { } outcome || !Decisions.Contains(outcome)
                || Instant(decided["at"]) is not { } at || !query.InPeriod(at))
            {
                continue;
            }

            var pended = false;
            for (var previous = decided["previous"]; previous is JsonObject earlier; previous = earlier["previous"])
            {
                pended |= Text(earlier["outcome"]) == "pended";
            }

            decisions.Add(new Decision(
                outcome,
                Text(instance.Variable("Submission")?["urgency"]) ?? "standard",
                Number(decided["turnaroundHours"]) ?? 0,
                IsTrue(decided["withinTimeframe"]),
                pended,
                instance.Variable("Extension") is JsonObject,
                Text(instance.Variable("AppealOutcome")) == "Filed"));
        }

        return decisions;
    }
}

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

    private static readonly ItemShape Shape = new(
        ItemShape.At("decidedAt", "Decided"),
        [ItemShape.At("submittedAt", "Submitted"), ItemShape.At("decisionDueAt", "Decision due")],
        "decided within the timeframe");

    private static readonly MetricItemField TurnaroundHours = new("turnaroundHours", "Turnaround", "hours");

    public async Task<MetricFigures> TurnaroundAsync(MetricQuery query, CancellationToken cancellationToken)
    {
        var decided = await DecidedAsync(query, cancellationToken);
        var figures = new MetricFigures(query, "pa-turnaround", "Prior authorization turnaround",
            "Prior authorization requests whose payer decided (approved, partial, modified or denied) in the period, by the time of that decision.",
            Shape);
        foreach (var (urgency, clock) in new[] { ("expedited", "72 hours"), ("standard", "7 calendar days") })
        {
            var ofUrgency = decided.Where(d => d.Urgency == urgency).ToList();
            figures
                .Statistic($"{urgency}MeanHours", "hours", $"mean time from submission to decision, {urgency} requests", ofUrgency, d => d.Item, d => d.Hours, TurnaroundHours, Statistics.Mean)
                .Statistic($"{urgency}MedianHours", "hours", $"median, {urgency} requests", ofUrgency, d => d.Item, d => d.Hours, TurnaroundHours, Statistics.Median)
                .Statistic($"{urgency}P90Hours", "hours", $"90th percentile, {urgency} requests", ofUrgency, d => d.Item, d => d.Hours, TurnaroundHours, v => Statistics.Percentile(v, 90))
                .Ratio($"{urgency}WithinTimeframe", $"decided within {clock} of submission (or the payer's recorded extension)", $"{urgency} requests decided in the period",
                    ofUrgency, d => d.Item, d => d.WithinTimeframe, d => d.Hours, TurnaroundHours);
        }

        return figures.Count("extended", "requests", "decided requests whose payer recorded an extension", decided.Where(d => d.Extended), d => d.Item, d => d.Hours, TurnaroundHours);
    }

    public async Task<MetricFigures> OutcomesAsync(MetricQuery query, CancellationToken cancellationToken)
    {
        var decided = await DecidedAsync(query, cancellationToken);
        const string All = "requests decided in the period";
        var figures = new MetricFigures(query, "pa-outcomes", "Prior authorization outcome mix",
            "Prior authorization requests whose payer decided in the period, by the time of that decision.", Shape);
        foreach (var outcome in Decisions)
        {
            figures.Ratio(outcome, $"decided {outcome}", All, decided, d => d.Item, d => d.Outcome == outcome);
        }

        return figures
            .Ratio("pendedFirst", "pended for more information before the decision (PAS A4)", All, decided, d => d.Item, d => d.WasPended)
            .Ratio("firstPass", "decided without a pend for more information", All, decided, d => d.Item, d => !d.WasPended)
            .Ratio("appealed", "denied or partly approved, and the appeal filed", "requests denied or partly approved in the period",
                decided.Where(d => d.Outcome is "denied" or "partial" or "modified"), d => d.Item, d => d.Appealed);
    }

    private sealed record Decision(CountedItem Item, string Outcome, string Urgency, double Hours, bool WithinTimeframe, bool WasPended, bool Extended, bool Appealed);

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

            var submission = instance.Variable("Submission");
            var extension = instance.Variable("Extension") as JsonObject;
            var urgency = Text(submission?["urgency"]) ?? "standard";
            var withinTimeframe = IsTrue(decided["withinTimeframe"]);
            var item = new CountedItem(instance.Record.Id, null, DefinitionId, at,
                new Dictionary<string, DateTimeOffset?>
                {
                    ["submittedAt"] = Instant(submission?["submittedAt"]),
                    ["decisionDueAt"] = Instant(extension?["decisionDueAt"]) ?? Instant(submission?["decisionDueAt"]),
                },
                $"{urgency}, {outcome}{(pended ? ", pended first" : "")}{(extension is null ? "" : ", extended")}", withinTimeframe);
            decisions.Add(new Decision(
                item,
                outcome,
                urgency,
                Number(decided["turnaroundHours"]) ?? 0,
                withinTimeframe,
                pended,
                extension is not null,
                Text(instance.Variable("AppealOutcome")) == "Filed"));
        }

        return decisions;
    }
}

using CareFlows.Engine.Calendar;
using CareFlows.Server.Persistence.Entities;
using static CareFlows.Server.Features.Metrics.RecordedJson;

namespace CareFlows.Server.Features.Metrics;

/// <summary>
/// Discharge follow-up (DOMAIN §5, M1–M3): the two-business-day contact and its attempts, the face-to-face visit by
/// day 7 or 14, medication reconciliation by the visit. The population is eligible discharges, by discharge time, whose
/// clock has run out by the time of asking, and that the follow-up was still open for when it did (a cancelled
/// discharge, a readmission, a death or a transfer before then takes a discharge out).
/// </summary>
internal sealed class TransitionalCareMetrics(PathwayRecords records, BusinessCalendar calendar)
{
    public const string DefinitionId = "discharge-follow-up";

    private sealed record Discharge(PathwayInstance Instance, DateTimeOffset DischargedAt)
    {
        public string Id => Instance.Record.Id;

        /// <summary>When the follow-up ended before its service period did, if it did.</summary>
        public DateTimeOffset? EndedEarlyAt => Text(Instance.Output["closure"]?["status"]) == "ended" && Instance.Record.FinishedAt is { } at ? Utc(at) : null;

        public bool OpenAt(DateTimeOffset at) => EndedEarlyAt is not { } ended || ended > at;
    }

    private static readonly ItemShape ContactShape = new(
        ItemShape.At("dischargedAt", "Discharged"),
        [ItemShape.At("deadline", "Contact deadline"), ItemShape.At("firstAttemptAt", "First attempt"), ItemShape.At("contactedAt", "Contacted")],
        "contacted by the deadline");

    private static readonly ItemShape VisitShape = new(
        ItemShape.At("dischargedAt", "Discharged"),
        [ItemShape.At("windowEnd", "Visit window ends"), ItemShape.On("visitHeldOn", "Visit held"), ItemShape.On("reconciledOn", "Medications reconciled")],
        "visit held within the window");

    private static readonly MetricItemField HoursToFirstAttempt = new("hoursToFirstAttempt", "Hours to first attempt", "hours");

    /// <summary>One discharge as the contact measure judged it.</summary>
    private sealed record ContactOutcome(CountedItem Item, bool Contacted, bool Compliant, double? HoursToFirstAttempt);

    /// <summary>One discharge as the visit measures judged it.</summary>
    private sealed record VisitOutcome(CountedItem Item, bool Seen, bool InWindow, bool ReconciledByVisit);

    public async Task<MetricFigures> ContactAsync(MetricQuery query, CancellationToken cancellationToken)
    {
        var discharges = (await EligibleAsync(query, cancellationToken))
            .Where(d => Deadline(d) <= query.Now && d.OpenAt(Deadline(d)))
            .ToList();
        var ids = discharges.ConvertAll(d => d.Id);
        var calls = (await records.TasksAsync(ids, "outreach-call", cancellationToken)).ToLookup(t => t.InstanceId);
        var attempts = (await records.HistoryAsync([.. calls.SelectMany(c => c).Select(t => t.Id)], "attempted", cancellationToken)).ToLookup(h => h.TaskId);
        var outcomes = new List<ContactOutcome>();
        foreach (var discharge in discharges)
        {
            var deadline = Deadline(discharge);
            var call = calls[discharge.Id].FirstOrDefault();
            var logged = call is null ? [] : attempts[call.Id].Select(a => Object(a.Details)).OfType<System.Text.Json.Nodes.JsonObject>().ToList();
            var reachedAt = logged.Where(a => Text(a["result"]) == "reached").Select(a => Instant(a["at"])).Min();
            if (call is { Status: InboxTaskStatus.Completed, Outcome: "Reached" })
            {
                var completedContact = Instant(Object(call.Result)?["contactedAt"]) ?? (call.EndedAt is { } ended ? Utc(ended) : null);
                reachedAt = reachedAt is null || completedContact < reachedAt ? completedContact : reachedAt;
            }

            var inTime = reachedAt is { } reached && reached <= deadline;
            var unsuccessful = logged.Count(a => Text(a["result"]) != "reached" && Instant(a["at"]) <= deadline);
            var first = logged.Select(a => Instant(a["at"])).Append(reachedAt).Min();
            var item = new CountedItem(discharge.Id, call?.Id, DefinitionId, discharge.DischargedAt,
                new Dictionary<string, DateTimeOffset?> { ["deadline"] = deadline, ["firstAttemptAt"] = first, ["contactedAt"] = reachedAt },
                $"{unsuccessful} unsuccessful attempt{(unsuccessful == 1 ? "" : "s")} by the deadline", inTime);
            outcomes.Add(new ContactOutcome(item, inTime, inTime || unsuccessful >= 2, first is { } at ? (at - discharge.DischargedAt).TotalHours : null));
        }

        const string Denominator = "eligible discharges in the period whose contact deadline (end of business day 2 after the discharge date) has passed";
        return new MetricFigures(query, "tcm-contact", "TCM interactive contact within 2 business days",
                "Discharge follow-ups of TCM-eligible discharges (qualifying setting to a community setting, attributed, alive), by discharge time; follow-ups ended before their contact deadline are left out.",
                ContactShape)
            .Ratio("contactRate", "a successful interactive contact (an attempt logged as reached, or the call completed as Reached) by the deadline", Denominator,
                outcomes, o => o.Item, o => o.Contacted)
            .Ratio("attemptComplianceRate", "a successful contact, or at least 2 documented unsuccessful attempts, by the deadline", Denominator,
                outcomes, o => o.Item, o => o.Compliant)
            .Statistic("medianHoursToFirstAttempt", "hours", "from the discharge time to the first logged attempt or contact, of the discharges with one",
                outcomes, o => o.Item, o => o.HoursToFirstAttempt, HoursToFirstAttempt, Statistics.Median);
    }

    public async Task<MetricFigures> FaceToFaceAsync(MetricQuery query, CancellationToken cancellationToken)
    {
        var discharges = (await EligibleAsync(query, cancellationToken))
            .Where(d => WindowEnd(d) <= query.Now && d.OpenAt(WindowEnd(d)))
            .ToList();
        var ids = discharges.ConvertAll(d => d.Id);
        var visits = (await records.TasksAsync(ids, "confirm-visit", cancellationToken)).Where(t => t is { Status: InboxTaskStatus.Completed, Outcome: "Held" }).ToLookup(t => t.InstanceId);
        var reconciliations = (await records.TasksAsync(ids, "reconcile-medications", cancellationToken)).Where(t => t.Status == InboxTaskStatus.Completed).ToLookup(t => t.InstanceId);
        var outcomes = new List<VisitOutcome>();
        foreach (var discharge in discharges)
        {
            var visit = visits[discharge.Id].Select(v => (Task: v, HeldOn: Date(Object(v.Result)?["heldOn"]))).Where(v => v.HeldOn is not null).OrderBy(v => v.HeldOn).FirstOrDefault();
            var reconciledOn = reconciliations[discharge.Id].Select(r => Date(Object(r.Result)?["reconciledOn"])).Where(d => d is not null).Min();
            var inWindow = visit.HeldOn is { } held && held <= calendar.LocalDate(discharge.DischargedAt).AddDays(TrackDays(discharge));
            var reconciledByVisit = visit.HeldOn is { } visited && reconciledOn is { } reconciled && reconciled <= visited;
            var item = new CountedItem(discharge.Id, visit.Task?.Id, DefinitionId, discharge.DischargedAt,
                new Dictionary<string, DateTimeOffset?> { ["windowEnd"] = WindowEnd(discharge), ["visitHeldOn"] = ItemShape.AsTime(visit.HeldOn), ["reconciledOn"] = ItemShape.AsTime(reconciledOn) },
                TrackDays(discharge) == 7 ? "high-risk track: visit by day 7" : $"visit by day {TrackDays(discharge)}", inWindow);
            outcomes.Add(new VisitOutcome(item, visit.HeldOn is not null, inWindow, reconciledByVisit));
        }

        return new MetricFigures(query, "tcm-face-to-face", "TCM face-to-face visit timeliness",
                "Discharge follow-ups of TCM-eligible discharges, by discharge time, whose visit window (day 7 on the high-risk track, day 14 otherwise) has ended; follow-ups ended before then are left out.",
                VisitShape)
            .Ratio("faceToFaceRate", "a face-to-face visit held on or before discharge day + 7 (high risk) or + 14", "eligible discharges whose visit window has ended",
                outcomes, o => o.Item, o => o.InWindow)
            .Ratio("medicationReconciliationRate", "medications reconciled on or before the visit date", "those with a visit held",
                outcomes.Where(o => o.Seen), o => o.Item, o => o.ReconciledByVisit);
    }

    private async Task<List<Discharge>> EligibleAsync(MetricQuery query, CancellationToken cancellationToken) =>
        [.. (await records.InstancesAsync(DefinitionId, query.From.UtcDateTime, cancellationToken))
            .Where(i => IsTrue(i.Variable("Eligibility")?["eligible"]))
            .Select(i => Instant(i.Variable("Discharge")?["dischargedAt"]) is { } at ? new Discharge(i, at) : null)
            .OfType<Discharge>()
            .Where(d => query.InPeriod(d.DischargedAt))];

    private DateTimeOffset Deadline(Discharge discharge) => calendar.AddBusinessDays(discharge.DischargedAt, 2);

    private DateTimeOffset WindowEnd(Discharge discharge) => calendar.EndOfCalendarDay(discharge.DischargedAt, TrackDays(discharge));

    private static int TrackDays(Discharge discharge) => (int)(Number(discharge.Instance.Variable("Track")?["days"]) ?? 14);
}

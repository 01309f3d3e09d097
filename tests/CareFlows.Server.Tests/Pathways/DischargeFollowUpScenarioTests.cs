using System.Text.Json.Nodes;
using CareFlows.Server.Tests.TestSupport;
using static CareFlows.Server.Tests.Pathways.PathwayScenario;
using static CareFlows.Server.Tests.TestSupport.InboxClients;

namespace CareFlows.Server.Tests.Pathways;

/// <summary>
/// Discharge follow-up (TCM) end to end on a simulated clock: the discharge on Friday 2026-11-20 at 15:00 Eastern, the
/// two-business-day contact, the face-to-face visit by day 7 or 14, medication reconciliation by the visit, and what
/// the 30-day service period ends with — or what ends it early.
/// </summary>
public sealed class DischargeFollowUpScenarioTests() : PathwayScenarioTests(FridayDischarge)
{
    private const string Mrn = "MRN-40012";
    private const string Maria = "maria.lopez@careflows.local";
    private const string Grace = "grace.nguyen@careflows.local";
    private static readonly DateTimeOffset FridayDischarge = Local(2026, 11, 20, 15);


    private static JsonObject Discharge(string visit = "V-1001", string disposition = "01", JsonObject? risk = null) => new()
    {
        ["visitNumber"] = visit,
        ["patient"] = new JsonObject { ["id"] = "Patient/40012", ["name"] = "Ruth Adler", ["mrn"] = Mrn, ["birthDate"] = "1948-02-11" },
        ["admittedAt"] = "2026-11-17T09:00:00-05:00",
        ["dischargedAt"] = "2026-11-20T15:00:00-05:00",
        ["setting"] = "inpatient-acute",
        ["disposition"] = disposition,
        ["risk"] = risk ?? new JsonObject { ["lengthOfStayDays"] = 4, ["emergentAdmission"] = false, ["charlsonIndex"] = 1, ["edVisitsLast6Months"] = 0 },
    };

    private static readonly JsonObject HighRisk = new() { ["lengthOfStayDays"] = 4, ["emergentAdmission"] = true, ["charlsonIndex"] = 2, ["edVisitsLast6Months"] = 1 };

    private async Task<string> DischargedAsync(JsonObject? payload = null)
    {
        var answer = await Run.PublishAsync("PatientDischarged", Mrn, payload ?? Discharge(), "adt:A03:V-1001");
        return Assert.Single(answer["started"]!.AsArray())!.GetValue<string>();
    }

    private async Task<JsonObject> ClosureAsync(string instanceId)
    {
        var instance = await Run.InstanceAsync(instanceId);
        Assert.Equal("Finished", Text(instance, "status"));
        return instance["output"]!["closure"]!.AsObject();
    }

    private async Task<string> CallIdAsync(string instanceId) => Text(await Run.OpenTaskAsync(instanceId, "Post-discharge call"), "id")!;

    private static DateTime Utc(DateTimeOffset local) => local.UtcDateTime;

    private static string[] Teams(JsonObject task) => [.. task["teams"]!.AsArray().Select(t => t!.GetValue<string>())];

    [Fact]
    public async Task A_Friday_discharge_puts_the_call_in_the_transitions_team_queue_due_Tuesday_end_of_day()
    {
        var instanceId = await DischargedAsync();

        var tasks = await Run.TasksAsync(instanceId);
        var call = tasks.Single(t => Text(t, "title") == "Post-discharge call: Ruth Adler");
        Assert.Equal(Utc(Local(2026, 11, 24, 17)), call["dueAt"]!.GetValue<DateTime>());
        Assert.Equal(["transitions-of-care"], Teams(call));
        Assert.Equal(("routine", "Interactive contact", "ready"), (Text(call, "priority"), Text(call, "businessStatus"), Text(call, "status")));
        Assert.Equal("MRN-40012", call["patient"]!["mrn"]!.GetValue<string>());
        var summary = tasks.Single(t => Text(t, "title")!.StartsWith("Review discharge summary", StringComparison.Ordinal));
        Assert.Equal(Utc(Local(2026, 11, 23, 17)), summary["dueAt"]!.GetValue<DateTime>());
        var visit = tasks.Single(t => Text(t, "title")!.StartsWith("Schedule the face-to-face visit by day 14", StringComparison.Ordinal));
        Assert.Equal(Utc(Local(2026, 12, 4, 23, 59, 59)), visit["dueAt"]!.GetValue<DateTime>());
        Assert.Equal(3, tasks.Count);

        var instance = await Run.InstanceAsync(instanceId);
        Assert.Equal(("TCM · Ruth Adler · visit V-1001", "MRN-40012"), (Text(instance, "name"), Text(instance, "correlationId")));
        Assert.Equal(("LACE", 5, false), (instance["variables"]!["Risk"]!["lace"]!["score"]!.GetValue<string>(), instance["variables"]!["Risk"]!["lace"]!["value"]!.GetValue<int>(), instance["variables"]!["Risk"]!["highRisk"]!.GetValue<bool>()));

        // Hand-computed: the three tasks wait unassigned in the transitions queue; none is due yet, and no contact deadline has passed.
        var workload = await Run.MetricAsync("coordinator-workload", Local(2026, 11, 1), Local(2026, 12, 1));
        Assert.Equal(3.0, Measure(workload, "unassigned"));
        Assert.Equal((0, 0), Ratio(await Run.MetricAsync("task-sla", Local(2026, 11, 1), Local(2026, 12, 1)), "breachRate"));
        Assert.Equal((0, 0), Ratio(await Run.MetricAsync("tcm-contact", Local(2026, 11, 1), Local(2026, 12, 1)), "contactRate"));
    }

    [Fact]
    public async Task A_high_LACE_chooses_the_7_day_track_with_urgent_priority()
    {
        var instanceId = await DischargedAsync(Discharge(risk: HighRisk.DeepClone().AsObject()));

        var visit = await Run.OpenTaskAsync(instanceId, "Schedule the face-to-face visit by day 7");
        Assert.Equal(Utc(Local(2026, 11, 27, 23, 59, 59)), visit["dueAt"]!.GetValue<DateTime>());
        Assert.Equal("urgent", Text(visit, "priority"));
        Assert.Equal("urgent", Text(await Run.OpenTaskAsync(instanceId, "Post-discharge call"), "priority"));
        var risk = (await Run.InstanceAsync(instanceId))["variables"]!["Risk"]!;
        Assert.Equal((10, "high", "LACE index (van Walraven 2010)"), (risk["lace"]!["value"]!.GetValue<int>(), risk["lace"]!["band"]!.GetValue<string>(), risk["lace"]!["variant"]!.GetValue<string>()));

        // Hand-computed: three unassigned tasks, priority-weighted load counted per holder only (none holds one yet).
        Assert.Equal(3.0, Measure(await Run.MetricAsync("coordinator-workload", Local(2026, 11, 1), Local(2026, 12, 1)), "unassigned"));
    }

    [Fact]
    public async Task Two_failed_attempts_then_a_success_meet_the_contact_and_with_the_visit_on_day_12_bill_99495()
    {
        var instanceId = await DischargedAsync();
        var call = await CallIdAsync(instanceId);

        await Run.AttemptAsync(Maria, call, Local(2026, 11, 23, 9, 30), "no-answer");
        await Run.AttemptAsync(Maria, call, Local(2026, 11, 23, 14), "left-message");
        await Run.AttemptAsync(Maria, call, Local(2026, 11, 24, 10), "reached");
        await Run.CompleteAsync(Maria, call, "Reached", new { contactWith = "patient", summary = "Breathing better; picked up new prescriptions." });
        await CompleteCareAsync(Maria, instanceId, visitDate: "2026-12-02", reconciledOn: "2026-11-30", mdm: "moderate");

        await Run.App.AdvanceToAsync(Local(2026, 12, 20));

        var closure = await ClosureAsync(instanceId);
        Assert.Equal(("completed", true, "99495"), (Text(closure, "status"), closure["billable"]!.GetValue<bool>(), Text(closure, "code")));
        Assert.Empty(closure["reasons"]!.AsArray());
        var contact = closure["contact"]!;
        Assert.Equal((true, true, 2), (contact["reached"]!.GetValue<bool>(), contact["inTime"]!.GetValue<bool>(), contact["unsuccessfulAttemptsByDeadline"]!.GetValue<int>()));
        Assert.Equal(["attempted", "attempted", "attempted"], (await Run.HistoryAsync(call)).Select(h => Text(h!, "action")).Where(a => a == "attempted"));
        Assert.Equal("2026-12-19T23:59:59-05:00", DateTimeOffset.Parse(Text(closure, "servicePeriodEnds")!, System.Globalization.CultureInfo.InvariantCulture).ToOffset(Eastern).ToString("yyyy-MM-ddTHH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture));
        // Hand-computed: one eligible discharge, reached on Tuesday 10:00 before its deadline; first attempt Monday 09:30,
        // 66.5 hours after the discharge; seen on 2026-12-02 (day 12 of 14) after medications were reconciled on 11-30.
        var contactMetric = await Run.MetricAsync("tcm-contact", Local(2026, 11, 1), Local(2026, 12, 1));
        Assert.Equal(((1, 1), (1, 1), 66.5), (Ratio(contactMetric, "contactRate"), Ratio(contactMetric, "attemptComplianceRate"), Measure(contactMetric, "medianHoursToFirstAttempt")));
        var visit = await Run.MetricAsync("tcm-face-to-face", Local(2026, 11, 1), Local(2026, 12, 1));
        Assert.Equal(((1, 1), (1, 1)), (Ratio(visit, "faceToFaceRate"), Ratio(visit, "medicationReconciliationRate")));
    }

    [Fact]
    public async Task High_complexity_seen_by_day_7_bills_99496_and_the_call_is_done_in_time()
    {
        var instanceId = await DischargedAsync(Discharge(risk: HighRisk.DeepClone().AsObject()));
        await Run.App.AdvanceToAsync(Local(2026, 11, 23, 11));
        await Run.CompleteAsync(Maria, await CallIdAsync(instanceId), "Reached", new { contactWith = "caregiver" });
        await CompleteCareAsync(Maria, instanceId, visitDate: "2026-11-25", reconciledOn: "2026-11-24", mdm: "high");

        await Run.App.AdvanceToAsync(Local(2026, 12, 20));

        var closure = await ClosureAsync(instanceId);
        Assert.Equal((true, "99496", 7), (closure["billable"]!.GetValue<bool>(), Text(closure, "code"), closure["track"]!.GetValue<int>()));

        // Hand-computed: reached Monday 11:00, 68 hours after the Friday 15:00 discharge; seen on day 5 of 7.
        var contact = await Run.MetricAsync("tcm-contact", Local(2026, 11, 1), Local(2026, 12, 1));
        Assert.Equal(((1, 1), 68.0), (Ratio(contact, "contactRate"), Measure(contact, "medianHoursToFirstAttempt")));
        Assert.Equal((1, 1), Ratio(await Run.MetricAsync("tcm-face-to-face", Local(2026, 11, 1), Local(2026, 12, 1)), "faceToFaceRate"));
    }

    [Fact]
    public async Task No_contact_by_the_deadline_escalates_the_call_to_the_RN_care_managers_and_it_stays_open()
    {
        var instanceId = await DischargedAsync();
        var call = await CallIdAsync(instanceId);

        await Run.App.AdvanceToAsync(Local(2026, 11, 24, 17, 0, 1));

        var task = await Run.OpenTaskAsync(instanceId, "Post-discharge call");
        Assert.Equal(call, Text(task, "id"));
        Assert.Equal(["rn-care-managers"], Teams(task));
        Assert.Equal(("asap", true), (Text(task, "priority"), task["overdue"]!.GetValue<bool>()));
        var escalated = (await Run.HistoryAsync(call)).Single(h => Text(h!, "action") == "escalated")!;
        Assert.Equal(("notCompleted", "rn-care-managers"), (Text(escalated["details"]!, "deadline"), Text(escalated["details"]!, "reassignTo")));
        using var grace = await Run.CoordinatorAsync(Grace);
        Assert.Contains((await GetAsync(grace, "/api/tasks?queue=team"))["items"]!.AsArray(), t => Text(t!, "id") == call);
        // Hand-computed: no contact and no attempt by the deadline; of the tasks due by now (the call, Tuesday 17:00, and
        // the summary review, Monday 17:00), both are open past due.
        var contact = await Run.MetricAsync("tcm-contact", Local(2026, 11, 1), Local(2026, 12, 1));
        Assert.Equal(((0, 1), (0, 1)), (Ratio(contact, "contactRate"), Ratio(contact, "attemptComplianceRate")));
        Assert.Null(Measure(contact, "medianHoursToFirstAttempt"));
        Assert.Equal((2, 2), Ratio(await Run.MetricAsync("task-sla", Local(2026, 11, 1), Local(2026, 12, 1)), "breachRate"));
    }

    [Fact]
    public async Task A_third_unsuccessful_attempt_escalates_the_call_to_the_RN_care_managers_at_once()
    {
        var instanceId = await DischargedAsync();
        var call = await CallIdAsync(instanceId);

        await Run.AttemptAsync(Maria, call, Local(2026, 11, 23, 9), "no-answer");
        await Run.AttemptAsync(Maria, call, Local(2026, 11, 23, 12), "wrong-number");
        Assert.Equal(["transitions-of-care"], Teams(await Run.OpenTaskAsync(instanceId, "Post-discharge call")));
        await Run.AttemptAsync(Maria, call, Local(2026, 11, 23, 16), "no-answer");

        var task = await Run.OpenTaskAsync(instanceId, "Post-discharge call");
        Assert.Equal(["rn-care-managers"], Teams(task));
        Assert.Equal(("urgent", "ready"), (Text(task, "priority"), Text(task, "status")));
        var history = await Run.HistoryAsync(call);
        Assert.Equal(["created", "attempted", "attempted", "attempted", "escalated"], history.Select(h => Text(h!, "action")));
        Assert.Equal(3, history[^1]!["details"]!["unsuccessfulAttempts"]!.GetValue<int>());

        // Hand-computed: Monday 16:00, the contact deadline (Tuesday 17:00) has not passed, so the discharge is not counted yet.
        Assert.Equal((0, 0), Ratio(await Run.MetricAsync("tcm-contact", Local(2026, 11, 1), Local(2026, 12, 1)), "attemptComplianceRate"));
    }

    [Fact]
    public async Task Attempts_after_the_escalation_leave_the_call_with_the_RN_who_took_it()
    {
        var instanceId = await DischargedAsync();
        var call = await CallIdAsync(instanceId);
        await Run.App.AdvanceToAsync(Local(2026, 11, 25, 9));
        using var grace = await Run.CoordinatorAsync(Grace);
        using (var claimed = await grace.PostJsonAsync($"/api/tasks/{call}/claim", null))
        {
            await claimed.ReadAsync<JsonObject>(System.Net.HttpStatusCode.OK);
        }

        foreach (var hour in new[] { 10, 12, 14 })
        {
            await Run.AttemptAsync(Grace, call, Local(2026, 11, 25, hour), "no-answer");
        }

        var task = await Run.OpenTaskAsync(instanceId, "Post-discharge call");
        Assert.Equal(("in-progress", "rn-care-managers"), (Text(task, "status"), Teams(task)[0]));
        Assert.NotNull(task["owner"]);
        Assert.Equal(["escalated", "escalated"], (await Run.HistoryAsync(call)).Select(h => Text(h!, "action")).Where(a => a == "escalated"));
    }

    [Fact]
    public async Task Two_documented_attempts_without_contact_keep_the_service_billable()
    {
        var instanceId = await DischargedAsync();
        var call = await CallIdAsync(instanceId);
        await Run.AttemptAsync(Maria, call, Local(2026, 11, 23, 9), "no-answer");
        await Run.AttemptAsync(Maria, call, Local(2026, 11, 24, 9), "left-message");
        await Run.CompleteAsync(Maria, call, "Unreachable");
        await CompleteCareAsync(Maria, instanceId, visitDate: "2026-12-01", reconciledOn: "2026-12-01", mdm: "moderate");

        await Run.App.AdvanceToAsync(Local(2026, 12, 20));

        var closure = await ClosureAsync(instanceId);
        Assert.Equal((true, "99495", false), (closure["billable"]!.GetValue<bool>(), Text(closure, "code"), closure["contact"]!["reached"]!.GetValue<bool>()));
        // Hand-computed: not reached, but two documented attempts (Monday 09:00, Tuesday 09:00) before Tuesday 17:00.
        var contact = await Run.MetricAsync("tcm-contact", Local(2026, 11, 1), Local(2026, 12, 1));
        Assert.Equal(((0, 1), (1, 1), 66.0), (Ratio(contact, "contactRate"), Ratio(contact, "attemptComplianceRate"), Measure(contact, "medianHoursToFirstAttempt")));
    }

    [Fact]
    public async Task A_discharge_to_a_skilled_nursing_facility_is_not_eligible_and_says_why()
    {
        var instanceId = await DischargedAsync(Discharge(disposition: "03"));

        var closure = await ClosureAsync(instanceId);
        Assert.Equal(("not-eligible", false), (Text(closure, "status"), closure["billable"]!.GetValue<bool>()));
        Assert.Equal(["Discharge disposition '03' is not a community setting."], closure["reasons"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Empty(await Run.TasksAsync(instanceId));

        // Hand-computed: past its contact deadline, an ineligible discharge is still outside the population.
        await Run.App.AdvanceToAsync(Local(2026, 11, 25));
        Assert.Equal((0, 0), Ratio(await Run.MetricAsync("tcm-contact", Local(2026, 11, 1), Local(2026, 12, 1)), "contactRate"));
    }

    [Fact]
    public async Task A_cancelled_discharge_cancels_everything_open()
    {
        var instanceId = await DischargedAsync();
        await Run.App.AdvanceToAsync(Local(2026, 11, 21, 8));

        await Run.PublishAsync("DischargeCancelled", Mrn, new JsonObject { ["visitNumber"] = "V-1001" }, "adt:A13:V-1001");

        var closure = await ClosureAsync(instanceId);
        Assert.Equal(("ended", "The discharge was cancelled (ADT^A13)."), (Text(closure, "status"), closure["reasons"]![0]!.GetValue<string>()));
        Assert.All(await Run.TasksAsync(instanceId), t => Assert.Equal("cancelled", Text(t, "status")));
        Assert.Equal(3, (await Run.TasksAsync(instanceId)).Count);

        // Hand-computed: the follow-up ended before its contact deadline, so the discharge leaves the population; its
        // cancelled tasks count toward no deadline.
        await Run.App.AdvanceToAsync(Local(2026, 11, 25));
        Assert.Equal((0, 0), Ratio(await Run.MetricAsync("tcm-contact", Local(2026, 11, 1), Local(2026, 12, 1)), "contactRate"));
        Assert.Equal((0, 0), Ratio(await Run.MetricAsync("task-sla", Local(2026, 11, 1), Local(2026, 12, 1)), "breachRate"));
    }

    [Fact]
    public async Task A_cancellation_of_another_visit_leaves_the_follow_up_running()
    {
        var instanceId = await DischargedAsync();

        await Run.PublishAsync("DischargeCancelled", Mrn, new JsonObject { ["visitNumber"] = "V-0999" }, "adt:A13:V-0999");

        Assert.Equal("Running", Text(await Run.InstanceAsync(instanceId), "status"));
        Assert.Equal(3, (await Run.TasksAsync(instanceId)).Count(t => Text(t, "status") == "ready"));

        Assert.Equal(3.0, Measure(await Run.MetricAsync("coordinator-workload", Local(2026, 11, 1), Local(2026, 12, 1)), "unassigned"));
    }

    [Fact]
    public async Task A_readmission_ends_the_follow_up_and_the_next_discharge_starts_a_new_one()
    {
        var first = await DischargedAsync();
        await Run.App.AdvanceToAsync(Local(2026, 11, 26, 7));

        await Run.PublishAsync("PatientAdmitted", Mrn, new JsonObject { ["visitNumber"] = "V-1002" }, "adt:A01:V-1002");
        Assert.Equal("ended", Text(await ClosureAsync(first), "status"));
        Assert.All(await Run.TasksAsync(first), t => Assert.Equal("cancelled", Text(t, "status")));

        await Run.App.AdvanceToAsync(Local(2026, 11, 30, 12));
        var second = new JsonObject
        {
            ["visitNumber"] = "V-1002",
            ["patient"] = Discharge()["patient"]!.DeepClone(),
            ["admittedAt"] = "2026-11-26T07:00:00-05:00",
            ["dischargedAt"] = "2026-11-30T12:00:00-05:00",
            ["setting"] = "inpatient-acute",
            ["disposition"] = "06",
        };
        var answer = await Run.PublishAsync("PatientDischarged", Mrn, second, "adt:A03:V-1002");

        var restarted = Assert.Single(answer["started"]!.AsArray())!.GetValue<string>();
        Assert.NotEqual(first, restarted);
        Assert.Equal(Utc(Local(2026, 12, 2, 17)), (await Run.OpenTaskAsync(restarted, "Post-discharge call"))["dueAt"]!.GetValue<DateTime>());

        // Hand-computed: the first follow-up was still open at its deadline (Tuesday 17:00; readmitted Thursday) with no
        // contact; the second's deadline (Wednesday 2 December) has not come.
        var contact = await Run.MetricAsync("tcm-contact", Local(2026, 11, 1), Local(2026, 12, 1));
        Assert.Equal(((0, 1), (0, 1)), (Ratio(contact, "contactRate"), Ratio(contact, "attemptComplianceRate")));
    }

    /// <summary>Reviews the summary, schedules the visit, reconciles the medications and records the visit as held.</summary>
    private async Task CompleteCareAsync(string coordinator, string instanceId, string visitDate, string reconciledOn, string mdm)
    {
        await Run.CompleteAsync(coordinator, Text(await Run.OpenTaskAsync(instanceId, "Review discharge summary"), "id")!, "Reviewed", new { receivedOn = "2026-11-21" });
        await Run.CompleteAsync(coordinator, Text(await Run.OpenTaskAsync(instanceId, "Schedule the face-to-face visit"), "id")!, "Scheduled", new { visitDate });
        await Run.CompleteAsync(coordinator, Text(await Run.OpenTaskAsync(instanceId, "Reconcile medications"), "id")!, "Reconciled", new { reconciledOn });
        await Run.App.AdvanceToAsync(new DateTimeOffset(DateOnly.Parse(visitDate, System.Globalization.CultureInfo.InvariantCulture).ToDateTime(new TimeOnly(16, 0)), Eastern));
        await Run.CompleteAsync(coordinator, Text(await Run.OpenTaskAsync(instanceId, "Record the face-to-face visit"), "id")!, "Held", new { heldOn = visitDate, mdm });
    }
}

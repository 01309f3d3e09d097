using System.Globalization;
using System.Text.Json.Nodes;
using CareFlows.Engine.Calendar;
using CareFlows.Engine.Execution;
using CareFlows.Server.Features.Feeds;
using CareFlows.Server.Inbox;
using CareFlows.Server.Persistence;
using CareFlows.Server.Persistence.Entities;
using CareFlows.Server.Runtime;
using Microsoft.EntityFrameworkCore;

namespace CareFlows.Server.Features.Demo;

/// <summary>The demo's patients, taken through each pathway to a stage of their own.</summary>
internal sealed class DemoRun(
    WorkflowRuntime runtime,
    CareFlowsDbContext db,
    BusinessCalendar calendar,
    DateTimeOffset now,
    TaskRequester transitions,
    TaskRequester utilization,
    TaskRequester referrals,
    CancellationToken cancellationToken)
{
    public async Task DischargesAsync()
    {
        // Discharged six days ago at high risk, nobody reached: the call's deadline passed and it went to the RN care managers.
        await DischargeAsync("40101", "Ruth Adler", days: 6, emergent: true, charlson: 3, edVisits: 2);

        // Discharged three days ago; two attempts logged, no contact yet.
        var attempted = await DischargeAsync("40102", "Walter Kim", days: 3);
        var call = await TaskAsync(attempted, "outreach-call");
        foreach (var (hours, result) in new[] { (20, "no-answer"), (26, "left-message") })
        {
            var noted = await runtime.NoteTaskAsync(call, transitions, "attempted", new JsonObject
            {
                ["at"] = Iso(DischargedAt(3).AddHours(hours)), ["channel"] = "phone", ["result"] = result,
            }, cancellationToken);
            Require(noted, call, "an attempt");
        }

        // Discharged this morning: fresh tasks in the transitions queue.
        await DischargeAsync("40103", "Gloria Mendes", days: 0);

        // Discharged twenty days ago: reached the next day, seen on day 10 after medications were reconciled; it closes on day 30.
        var done = await DischargeAsync("40104", "Samuel Price", days: 20);
        var dischargedAt = DischargedAt(20);
        await CompleteAsync(await TaskAsync(done, "outreach-call"), transitions, "Reached", new JsonObject { ["contactedAt"] = Iso(dischargedAt.AddDays(1)), ["contactWith"] = "patient" });
        await CompleteAsync(await TaskAsync(done, "review-summary"), transitions, "Reviewed", new JsonObject { ["receivedOn"] = Date(dischargedAt.AddDays(1)) });
        await CompleteAsync(await TaskAsync(done, "schedule-visit"), transitions, "Scheduled", new JsonObject { ["visitDate"] = Date(dischargedAt.AddDays(10)) });
        await CompleteAsync(await TaskAsync(done, "reconcile-medications"), transitions, "Reconciled", new JsonObject { ["reconciledOn"] = Date(dischargedAt.AddDays(9)) });
        await CompleteAsync(await TaskAsync(done, "confirm-visit"), transitions, "Held", new JsonObject { ["heldOn"] = Date(dischargedAt.AddDays(10)), ["mdm"] = "moderate" });

        // Discharged to a skilled nursing facility: not eligible, closed at once with the reason.
        await DischargeAsync("40105", "Harold Ng", days: 1, disposition: "03");
    }

    public async Task PriorAuthorizationsAsync()
    {
        // Waiting to be assembled.
        await RequestAsync("PA-DEMO-1", "Omar Haddad", "72148", "MRI lumbar spine", "standard");

        // Submitted, waiting on the payer's 72-hour clock.
        await SubmittedAsync(await RequestAsync("PA-DEMO-2", "Lena Brooks", "93458", "Cardiac catheterization", "expedited"), "expedited");

        // Approved for three months: decided, with its re-authorization reminder running.
        await SubmittedAsync(await RequestAsync("PA-DEMO-3", "Ivy Chen", "97110", "Physical therapy, 12 visits", "standard"), "standard");
        await DecideAsync("PA-DEMO-3", new JsonObject { ["reviewAction"] = "A1", ["authorizationNumber"] = "AUTH-55102", ["periodStart"] = Date(now), ["periodEnd"] = Date(now.AddDays(90)) });

        // Denied: the appeal and the peer-to-peer wait in the queue.
        await SubmittedAsync(await RequestAsync("PA-DEMO-4", "Marcus Bell", "E0601", "CPAP device", "standard"), "standard");
        await DecideAsync("PA-DEMO-4", new JsonObject { ["reviewAction"] = "A3", ["reason"] = "Sleep study older than 12 months" });

        // Pended: the payer wants more information by Friday.
        await SubmittedAsync(await RequestAsync("PA-DEMO-5", "Nora Quinn", "J1745", "Infliximab infusion", "standard"), "standard");
        await DecideAsync("PA-DEMO-5", new JsonObject { ["reviewAction"] = "A4", ["responseDueAt"] = Iso(calendar.AddBusinessDays(now, 3)), ["reason"] = "Prior biologic trials" });
    }

    public async Task ReferralsAsync()
    {
        // Needs authorization first: its prior authorization waits to be assembled.
        await ReferAsync("REF-DEMO-1", "Lena Brooks", "Cardiology", "urgent", authorization: true);

        // Sent and accepted, the appointment booked.
        var booked = await ReferAsync("REF-DEMO-2", "Paul Osei", "Endocrinology", "routine");
        await SendAsync(booked);
        await NewsAsync("REF-DEMO-2", "ReferralAccepted", new JsonObject { ["status"] = "accepted" });
        await NewsAsync("REF-DEMO-2", "AppointmentScheduled", new JsonObject { ["status"] = "scheduled", ["appointment"] = new JsonObject { ["start"] = Iso(now.AddDays(9)) } });

        // Declined: to be rerouted.
        var declined = await ReferAsync("REF-DEMO-3", "Anita Rao", "Dermatology", "routine");
        await SendAsync(declined);
        await NewsAsync("REF-DEMO-3", "ReferralDeclined", new JsonObject { ["status"] = "declined", ["reason"] = "Not taking new patients" });

        // The loop closed: seen, and the consult note linked.
        var closed = await ReferAsync("REF-DEMO-4", "George Hill", "Pulmonology", "routine");
        await SendAsync(closed);
        await NewsAsync("REF-DEMO-4", "ReferralAccepted", new JsonObject { ["status"] = "accepted" });
        await NewsAsync("REF-DEMO-4", "AppointmentScheduled", new JsonObject { ["status"] = "scheduled", ["appointment"] = new JsonObject { ["start"] = Iso(now) } });
        await NewsAsync("REF-DEMO-4", "ConsultNoteReceived", new JsonObject { ["status"] = "consult-note", ["consultNote"] = new JsonObject { ["documentId"] = "DocumentReference/demo-cn-4", ["summary"] = "Mild COPD; inhaler started." } });
        await CompleteAsync(await TaskAsync(closed, "link-consult-note"), referrals, "Linked", new JsonObject { ["linked"] = true });
    }

    /// <summary>Mid-afternoon <paramref name="days"/> days ago in the organisation's zone; today's discharge three hours ago.</summary>
    private DateTimeOffset DischargedAt(int days) =>
        days == 0 ? now.AddHours(-3) : calendar.AtLocalTime(calendar.LocalDate(now).AddDays(-days), new TimeOnly(14, 0));

    private async Task<string> DischargeAsync(string mrn, string name, int days, bool emergent = false, int charlson = 1, int edVisits = 0, string disposition = "01")
    {
        var dischargedAt = DischargedAt(days);
        var notice = new DischargeNotice
        {
            VisitNumber = "V-DEMO-" + mrn,
            Patient = new FeedPatient("MRN-" + mrn, name, new DateOnly(1950, 1, 1).AddDays(int.Parse(mrn, CultureInfo.InvariantCulture) % 7000), null),
            AdmittedAt = dischargedAt.AddDays(-4),
            DischargedAt = dischargedAt,
            Setting = "inpatient-acute",
            Disposition = disposition,
            EmergentAdmission = emergent,
            Source = new JsonObject { ["message"] = "demo" },
        };
        var payload = notice.ToPayload(calendar);
        payload["risk"]!["charlsonIndex"] = charlson;
        payload["risk"]!["edVisitsLast6Months"] = edVisits;
        var outcome = await runtime.PublishEventAsync(PathwayEvents.PatientDischarged, notice.Patient.Mrn, payload, "demo:" + notice.VisitNumber, UnheardEvents.Buffer, cancellationToken);
        return outcome.Started.Single();
    }

    private async Task<string> RequestAsync(string requestId, string patient, string code, string service, string urgency) =>
        (await runtime.StartAsync("prior-authorization", null, new StartRequest
        {
            Input = new Dictionary<string, object?>
            {
                ["requestId"] = requestId,
                ["urgency"] = urgency,
                ["patient"] = new JsonObject { ["id"] = "MRN-" + requestId, ["name"] = patient, ["mrn"] = "MRN-" + requestId[^1] },
                ["service"] = new JsonObject { ["code"] = code, ["display"] = service },
                ["payer"] = new JsonObject { ["name"] = "Evergreen Medicare Advantage" },
            },
        }, cancellationToken)).Id;

    private async Task<string> SubmittedAsync(string instanceId, string urgency)
    {
        await CompleteAsync(await TaskAsync(instanceId, "assemble"), utilization, "Submitted", new JsonObject
        {
            ["memberId"] = "EVG-" + instanceId[^6..], ["urgency"] = urgency, ["clinicalSummary"] = "Documentation per the payer's rules attached.",
        });
        return instanceId;
    }

    private Task<EventOutcome> DecideAsync(string requestId, JsonObject decision) =>
        runtime.PublishEventAsync(PathwayEvents.PayerDecisionReceived, requestId, decision, "demo:" + requestId + ":" + decision["reviewAction"], UnheardEvents.Buffer, cancellationToken);

    private async Task<string> ReferAsync(string referralId, string patient, string specialty, string priority, bool authorization = false) =>
        (await runtime.StartAsync("specialist-referral", null, new StartRequest
        {
            Input = new Dictionary<string, object?>
            {
                ["referralId"] = referralId,
                ["priority"] = priority,
                ["specialty"] = specialty,
                ["reason"] = "Assessment and management",
                ["recipient"] = new JsonObject { ["name"] = specialty + " Associates" },
                ["patient"] = new JsonObject { ["id"] = "MRN-" + referralId, ["name"] = patient, ["mrn"] = "MRN-" + referralId },
                ["authorization"] = authorization ? new JsonObject { ["service"] = new JsonObject { ["display"] = specialty + " procedure" } } : null,
            },
        }, cancellationToken)).Id;

    private async Task SendAsync(string referral) => await CompleteAsync(await TaskAsync(referral, "send-referral"), referrals, "Sent", null);

    private Task<EventOutcome> NewsAsync(string referralId, string eventName, JsonObject payload)
    {
        payload["referralId"] = referralId;
        payload["at"] = Iso(now);
        return runtime.PublishEventAsync(eventName, referralId, payload, $"demo:{referralId}:{eventName}", UnheardEvents.Buffer, cancellationToken);
    }

    private async Task<string> TaskAsync(string instanceId, string activityId) =>
        await db.Tasks.AsNoTracking()
            .Where(t => t.InstanceId == instanceId && t.ActivityId == activityId && InboxTaskStatus.Open.Contains(t.Status))
            .Select(t => t.Id)
            .SingleAsync(cancellationToken);

    private async Task CompleteAsync(string taskId, TaskRequester coordinator, string outcome, JsonObject? data)
    {
        Require(await runtime.CompleteTaskAsync(taskId, coordinator, outcome, data, cancellationToken: cancellationToken), taskId, outcome);
    }

    private static void Require(TaskOutcome done, string taskId, string what)
    {
        if (done.Status != TaskOutcomeStatus.Done)
        {
            throw new InvalidOperationException($"The demo could not record {what} on task {taskId}: {done.Problem}");
        }
    }

    private static string Date(DateTimeOffset at) => at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Times as the API receives them, ISO 8601 text.</summary>
    private static string Iso(DateTimeOffset at) => at.ToString("O", CultureInfo.InvariantCulture);
}

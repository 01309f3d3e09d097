using System.Text.Json.Nodes;
using CareFlows.Server.Auth.Feeds;
using static CareFlows.Server.Tests.Pathways.PathwayScenario;
using static CareFlows.Server.Tests.TestSupport.InboxClients;

namespace CareFlows.Server.Tests.Pathways;

/// <summary>
/// A specialist referral closed loop on a simulated clock, from Monday 2026-11-23 09:00 Eastern: prior authorization as a
/// child first when needed, the 2-business-day answer, rerouting, no-shows, and the consult note that closes the loop.
/// </summary>
public sealed class SpecialistReferralScenarioTests() : PathwayScenarioTests(Monday)
{
    private const string Aisha = "aisha.bello@careflows.local";
    private const string Priya = "priya.raman@careflows.local";
    private const string ReferralId = "REF-2026-0311";
    private static readonly DateTimeOffset Monday = Local(2026, 11, 23, 9);

    private Task<string> ReferredAsync(bool needsAuthorization = false, string priority = "routine") => Run.StartAsync("specialist-referral", null, new
    {
        referralId = ReferralId,
        priority,
        specialty = "Cardiology",
        reason = "Exertional chest pain, abnormal stress ECG",
        recipient = new { name = "Harbor Heart Associates" },
        patient = new { id = "Patient/62200", name = "Lena Brooks", mrn = "MRN-62200", birthDate = "1957-04-02" },
        authorization = needsAuthorization ? new { service = new { code = "93458", display = "Cardiac catheterization" }, payer = new { name = "Evergreen Medicare Advantage" } } : null,
    });

    private Task<JsonObject> NewsAsync(string status, object? extra = null)
    {
        var body = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(extra ?? new { }))!.AsObject();
        body["referralId"] = ReferralId;
        body["status"] = status;
        body["messageId"] = Guid.NewGuid().ToString("N");
        body["at"] = Run.App.Now;
        return Run.FeedAsync("/api/feeds/referrals", FeedClientOptions.DemoReferralKey, body);
    }

    private async Task SentAsync(string instanceId)
    {
        await Run.CompleteAsync(Aisha, Text(await Run.OpenTaskAsync(instanceId, "Send the referral to"), "id")!, "Sent");
    }

    private async Task<JsonObject> ClosureAsync(string instanceId) => (await Run.InstanceAsync(instanceId))["output"]!["closure"]!.AsObject();

    [Fact]
    public async Task A_referral_needing_authorization_waits_for_the_prior_authorization_child_and_is_sent_once_approved()
    {
        var instanceId = await ReferredAsync(needsAuthorization: true, priority: "urgent");

        Assert.DoesNotContain(await Run.TasksAsync(instanceId), t => Text(t, "title")!.StartsWith("Send the referral", StringComparison.Ordinal));
        var assemble = Assert.Single(await Run.AllTasksAsync(), t => Text(t, "title") == "Prepare prior authorization: Cardiac catheterization for Lena Brooks");
        Assert.Equal("utilization-management", assemble["teams"]![0]!.GetValue<string>());
        await Run.CompleteAsync(Priya, Text(assemble, "id")!, "Submitted", new { memberId = "EVG-1", urgency = "expedited", clinicalSummary = "Positive stress test." });
        await Run.App.AdvanceToAsync(Local(2026, 11, 24, 15));

        await Run.PublishAsync("PayerDecisionReceived", ReferralId + "-PA", new JsonObject { ["reviewAction"] = "A1", ["authorizationNumber"] = "AUTH-CATH-1" }, "cr-1");

        var send = await Run.OpenTaskAsync(instanceId, "Send the referral to Harbor Heart Associates");
        Assert.Equal(("2.0 Service Request Created", "urgent"), (Text(send, "businessStatus"), Text(send, "priority")));
        var authorization = (await Run.InstanceAsync(instanceId))["variables"]!["Authorization"]!["closure"]!;
        Assert.Equal(("approved", "AUTH-CATH-1"), (Text(authorization, "status"), Text(authorization["authorization"]!, "number")));

        // Hand-computed: the urgent referral's authorization was expedited, submitted Monday 09:00 and approved Tuesday
        // 15:00, 30 hours later, within 72.
        var turnaround = await Run.MetricAsync("pa-turnaround", Local(2026, 11, 1), Local(2026, 12, 31));
        Assert.Equal(((1, 1), 30.0), (Ratio(turnaround, "expeditedWithinTimeframe"), Measure(turnaround, "expeditedMedianHours")));
        Assert.Equal((0, 1), Ratio(await Run.MetricAsync("referral-loop-closure", Local(2026, 11, 1), Local(2026, 12, 31)), "loopClosureRate"));
    }

    [Fact]
    public async Task A_denied_authorization_cancels_the_referral()
    {
        var instanceId = await ReferredAsync(needsAuthorization: true);
        var assemble = Assert.Single(await Run.AllTasksAsync(), t => Text(t, "title")!.StartsWith("Prepare prior authorization", StringComparison.Ordinal));
        await Run.CompleteAsync(Priya, Text(assemble, "id")!, "Submitted", new { memberId = "EVG-1", urgency = "standard", clinicalSummary = "Stable angina." });
        await Run.PublishAsync("PayerDecisionReceived", ReferralId + "-PA", new JsonObject { ["reviewAction"] = "A3", ["reason"] = "Not medically necessary" }, "cr-2");
        var appeal = Assert.Single(await Run.AllTasksAsync(), t => Text(t, "title")!.StartsWith("File the appeal", StringComparison.Ordinal));

        await Run.CompleteAsync(Priya, Text(appeal, "id")!, "NotAppealing");

        var closure = await ClosureAsync(instanceId);
        Assert.Equal(("cancelled", "6.0 Fulfillment Cancelled"), (Text(closure, "status"), Text(closure, "businessStatus")));
        Assert.Equal("denied", Text(closure["authorization"]!, "status"));

        var loops = await Run.MetricAsync("referral-loop-closure", Local(2026, 11, 1), Local(2026, 12, 31));
        Assert.Equal(((0, 1), (1, 1), 0.0), (Ratio(loops, "loopClosureRate"), Ratio(loops, "cancelledRate"), Measure(loops, "openLoops")));
    }

    [Fact]
    public async Task A_declined_referral_is_rerouted_and_sent_again()
    {
        var instanceId = await ReferredAsync();
        await SentAsync(instanceId);

        await NewsAsync("declined", new { reason = "No capacity before January" });

        var reroute = await Run.OpenTaskAsync(instanceId, "Reroute the referral (declined)");
        Assert.Equal("4.0 Declined", Text(reroute, "businessStatus"));
        await Run.CompleteAsync(Aisha, Text(reroute, "id")!, "Rerouted", new { recipient = "Bayview Cardiology" });
        Assert.NotNull(await Run.OpenTaskAsync(instanceId, "Send the referral to Bayview Cardiology"));

        var loops = await Run.MetricAsync("referral-loop-closure", Local(2026, 11, 1), Local(2026, 12, 31));
        Assert.Equal(((0, 1), 1.0), (Ratio(loops, "loopClosureRate"), Measure(loops, "openLoops")));
    }

    [Fact]
    public async Task No_answer_within_two_business_days_reroutes_the_referral()
    {
        var instanceId = await ReferredAsync();
        await Run.App.AdvanceToAsync(Local(2026, 11, 23, 10));
        await SentAsync(instanceId);

        await Run.App.AdvanceToAsync(Local(2026, 11, 25, 16, 59));
        Assert.DoesNotContain(await Run.TasksAsync(instanceId), t => Text(t, "title")!.StartsWith("Reroute", StringComparison.Ordinal));
        await Run.App.AdvanceToAsync(Local(2026, 11, 25, 17));

        Assert.NotNull(await Run.OpenTaskAsync(instanceId, "Reroute the referral (no answer)"));

        Assert.Equal((0, 1), Ratio(await Run.MetricAsync("referral-loop-closure", Local(2026, 11, 1), Local(2026, 12, 31)), "loopClosureRate"));
    }

    [Fact]
    public async Task A_second_no_show_escalates_to_the_RN_care_managers()
    {
        var instanceId = await ReferredAsync();
        await SentAsync(instanceId);
        await NewsAsync("accepted");
        await NewsAsync("scheduled", new { appointment = new { start = "2026-12-01T10:00:00-05:00", practitioner = "Dr. Osei" } });
        await Run.App.AdvanceToAsync(Local(2026, 12, 1, 12));

        await NewsAsync("no-show");
        var reschedule = await Run.OpenTaskAsync(instanceId, "Reschedule the specialist appointment (no-show 1)");
        Assert.Equal("5.1.2 Scheduled Event Unattended", Text(reschedule, "businessStatus"));
        await Run.CompleteAsync(Aisha, Text(reschedule, "id")!, "Rescheduled");
        await NewsAsync("scheduled", new { appointment = new { start = "2026-12-08T10:00:00-05:00" } });
        await Run.App.AdvanceToAsync(Local(2026, 12, 8, 12));
        await NewsAsync("no-show");

        var escalation = await Run.OpenTaskAsync(instanceId, "Patient missed 2 specialist appointments");
        Assert.Equal(("rn-care-managers", "asap"), (escalation["teams"]![0]!.GetValue<string>(), Text(escalation, "priority")));

        // Hand-computed: Aisha sent the referral and completed the reschedule: 2 completions in the period.
        Assert.Equal(2.0, Measure(await Run.MetricAsync("coordinator-workload", Local(2026, 11, 1), Local(2026, 12, 31)), "completed"));
    }

    [Fact]
    public async Task The_consult_note_received_and_linked_closes_the_loop()
    {
        var instanceId = await ReferredAsync();
        await SentAsync(instanceId);
        await Run.App.AdvanceToAsync(Local(2026, 11, 24, 11));
        await NewsAsync("accepted");
        await NewsAsync("scheduled", new { appointment = new { start = "2026-12-03T09:30:00-05:00" } });
        await Run.App.AdvanceToAsync(Local(2026, 12, 4, 16));

        await NewsAsync("consult-note", new { consultNote = new { documentId = "DocumentReference/cn-88", author = "Dr. Osei", summary = "Start beta blocker; echo in 3 months." } });
        var link = await Run.OpenTaskAsync(instanceId, "Review and link the consult note");
        Assert.Equal("Running", Text(await Run.InstanceAsync(instanceId), "status"));
        await Run.App.AdvanceToAsync(Local(2026, 12, 7, 10));
        await Run.CompleteAsync(Aisha, Text(link, "id")!, "Linked", new { linked = true });

        var closure = await ClosureAsync(instanceId);
        Assert.Equal(("closed", "7.0 Fulfillment Completed", 14.0), (Text(closure, "status"), Text(closure, "businessStatus"), closure["daysToClose"]!.GetValue<double>()));
        Assert.Equal("DocumentReference/cn-88", Text(closure["consultNote"]!["consultNote"]!, "documentId"));
        Assert.DoesNotContain(await Run.TasksAsync(instanceId), t => Text(t, "status") is "ready" or "in-progress");

        // Hand-computed: one referral authored in November, closed 14.0 days later; Aisha completed the sending and the link.
        var loops = await Run.MetricAsync("referral-loop-closure", Local(2026, 11, 1), Local(2026, 12, 31));
        Assert.Equal(((1, 1), 14.0, 0.0), (Ratio(loops, "loopClosureRate"), Measure(loops, "medianDaysToClose"), Measure(loops, "openLoops")));
        var workload = await Run.MetricAsync("coordinator-workload", Local(2026, 11, 1), Local(2026, 12, 31));
        Assert.Equal(2.0, Measure(workload, "completed"));
    }

    [Fact]
    public async Task A_loop_still_open_past_its_target_escalates()
    {
        var instanceId = await ReferredAsync(priority: "urgent");
        await SentAsync(instanceId);
        await NewsAsync("accepted");

        await Run.App.AdvanceToAsync(Local(2026, 12, 1));

        var overdue = await Run.OpenTaskAsync(instanceId, "Referral loop open past its target");
        Assert.Equal(["referrals", "rn-care-managers"], overdue["teams"]!.AsArray().Select(t => t!.GetValue<string>()));

        var loops = await Run.MetricAsync("referral-loop-closure", Local(2026, 11, 1), Local(2026, 12, 31));
        Assert.Equal(((0, 1), 1.0), (Ratio(loops, "loopClosureRate"), Measure(loops, "openLoops")));
    }
}

using System.Text.Json.Nodes;
using static CareFlows.Server.Tests.Pathways.PathwayScenario;
using static CareFlows.Server.Tests.TestSupport.InboxClients;

namespace CareFlows.Server.Tests.Pathways;

/// <summary>
/// Prior authorization end to end on a simulated clock, from Monday 2026-11-23 09:00 Eastern: the payer's clock from
/// submission (72 hours expedited, 7 days standard), a pend for information, approval with its re-authorization
/// reminder, denial with its 60-day appeal.
/// </summary>
public sealed class PriorAuthorizationScenarioTests() : PathwayScenarioTests(Monday)
{
    private const string Priya = "priya.raman@careflows.local";
    private const string RequestId = "PA-2026-0042";
    private static readonly DateTimeOffset Monday = Local(2026, 11, 23, 9);


    private Task<string> RequestedAsync(string urgency) => Run.StartAsync("prior-authorization", null, new
    {
        requestId = RequestId,
        urgency,
        patient = new { id = "Patient/51007", name = "Omar Haddad", mrn = "MRN-51007", birthDate = "1961-07-30" },
        service = new { code = "72148", display = "MRI lumbar spine" },
        payer = new { id = "payer-07", name = "Evergreen Medicare Advantage" },
    });

    private async Task SubmittedAsync(string instanceId, string urgency, DateTimeOffset at)
    {
        await Run.App.AdvanceToAsync(at);
        var assemble = await Run.OpenTaskAsync(instanceId, "Prepare prior authorization");
        await Run.CompleteAsync(Priya, Text(assemble, "id")!, "Submitted", new { memberId = "EVG-88120", urgency, clinicalSummary = "Radicular pain 8 weeks despite therapy." });
    }

    private Task<JsonObject> DecisionAsync(JsonObject decision) => Run.PublishAsync("PayerDecisionReceived", RequestId, decision, "claim-response:" + Guid.NewGuid().ToString("N"));

    private async Task<JsonObject> ClosureAsync(string instanceId) => (await Run.InstanceAsync(instanceId))["output"]!["closure"]!.AsObject();

    [Fact]
    public async Task An_expedited_request_is_overdue_72_hours_after_submission_and_a_coordinator_chases_the_payer()
    {
        var instanceId = await RequestedAsync("expedited");
        var submittedAt = Local(2026, 11, 23, 11);
        await SubmittedAsync(instanceId, "expedited", submittedAt);

        await Run.App.AdvanceToAsync(submittedAt.AddHours(72).AddSeconds(-1));
        Assert.DoesNotContain(await Run.TasksAsync(instanceId), t => Text(t, "title")!.StartsWith("Payer decision overdue", StringComparison.Ordinal));
        await Run.App.AdvanceToAsync(submittedAt.AddHours(72));

        var chase = await Run.OpenTaskAsync(instanceId, "Payer decision overdue: MRI lumbar spine for Omar Haddad");
        Assert.Equal(("asap", "Awaiting payer decision (overdue)"), (Text(chase, "priority"), Text(chase, "businessStatus")));
        var overdue = (await Run.InstanceAsync(instanceId))["variables"]!["Overdue"]!;
        Assert.Equal(submittedAt.AddHours(72).UtcDateTime, overdue["decisionDueAt"]!.GetValue<DateTime>().ToUniversalTime());

        await Run.App.AdvanceToAsync(submittedAt.AddHours(74));
        await DecisionAsync(new JsonObject { ["reviewAction"] = "A1", ["authorizationNumber"] = "AUTH-7781", ["periodStart"] = "2026-11-27", ["periodEnd"] = "2027-02-26" });

        Assert.Equal("cancelled", Text((await Run.TasksAsync(instanceId)).Single(t => Text(t, "id") == Text(chase, "id")), "status"));
        var decided = (await ClosureAsync(instanceId))["decided"]!;
        Assert.Equal(("approved", false), (Text(decided, "outcome"), decided["withinTimeframe"]!.GetValue<bool>()));
        // Hand-computed: one expedited request, decided 74 hours after its submission, past its 72.
        var turnaround = await Run.MetricAsync("pa-turnaround", Local(2026, 11, 1), Local(2026, 12, 1));
        Assert.Equal(((0, 1), 74.0, 74.0, 74.0, (0, 0)), (Ratio(turnaround, "expeditedWithinTimeframe"), Measure(turnaround, "expeditedMeanHours"), Measure(turnaround, "expeditedMedianHours"), Measure(turnaround, "expeditedP90Hours"), Ratio(turnaround, "standardWithinTimeframe")));
    }

    [Fact]
    public async Task A_pend_asks_for_information_by_its_deadline_then_approval_records_the_authorization_and_reminds_before_it_ends()
    {
        var instanceId = await RequestedAsync("standard");
        await SubmittedAsync(instanceId, "standard", Local(2026, 11, 23, 10));
        await Run.App.AdvanceToAsync(Local(2026, 11, 25, 14));

        await DecisionAsync(new JsonObject { ["reviewAction"] = "A4", ["responseDueAt"] = "2026-12-02T17:00:00-05:00", ["reason"] = "Imaging of the last 12 months" });

        var info = await Run.OpenTaskAsync(instanceId, "Send the payer additional information");
        Assert.Equal(Local(2026, 12, 2, 17).UtcDateTime, info["dueAt"]!.GetValue<DateTime>());
        await Run.App.AdvanceToAsync(Local(2026, 11, 27, 10));
        await Run.CompleteAsync(Priya, Text(info, "id")!, "Sent", new { sent = "X-ray report 2026-06" });
        await Run.App.AdvanceToAsync(Local(2026, 11, 29, 9));
        await DecisionAsync(new JsonObject { ["reviewAction"] = "A1", ["authorizationNumber"] = "AUTH-9020", ["periodStart"] = "2026-12-01", ["periodEnd"] = "2027-02-28" });

        var closure = await ClosureAsync(instanceId);
        Assert.Equal(("approved", "AUTH-9020", "2027-02-28"), (Text(closure, "status"), Text(closure["authorization"]!, "number"), Text(closure["authorization"]!, "periodEnd")));
        var decided = closure["decided"]!;
        Assert.Equal((true, "pended"), (decided["withinTimeframe"]!.GetValue<bool>(), Text(decided["previous"]!, "outcome")));
        var outcomes = await Run.MetricAsync("pa-outcomes", Local(2026, 11, 1), Local(2026, 12, 1));
        Assert.Equal(((1, 1), (1, 1), (0, 1)), (Ratio(outcomes, "approved"), Ratio(outcomes, "pendedFirst"), Ratio(outcomes, "firstPass")));
        Assert.Equal("Finished", Text(await Run.InstanceAsync(instanceId), "status"));

        // The reminder runs on its own until the period ends: 30 days before, the task; due 7 days before.
        await Run.App.AdvanceToAsync(Local(2027, 1, 29, 23));
        Assert.DoesNotContain(await Run.AllTasksAsync(), t => Text(t, "title")!.StartsWith("Re-authorize", StringComparison.Ordinal));
        await Run.App.AdvanceToAsync(Local(2027, 1, 30));
        var reminder = Assert.Single(await Run.AllTasksAsync(), t => Text(t, "title") == "Re-authorize before 2027-02-28: MRI lumbar spine for Omar Haddad");
        Assert.Equal((Local(2027, 2, 21, 23, 59, 59).UtcDateTime, "utilization-management"), (reminder["dueAt"]!.GetValue<DateTime>(), reminder["teams"]![0]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_denial_opens_the_appeal_due_in_60_days_and_an_optional_peer_to_peer()
    {
        var instanceId = await RequestedAsync("standard");
        await SubmittedAsync(instanceId, "standard", Local(2026, 11, 23, 10));
        await Run.App.AdvanceToAsync(Local(2026, 11, 30, 15));

        await DecisionAsync(new JsonObject { ["reviewAction"] = "A3", ["reason"] = "Conservative therapy under 6 weeks" });

        var appeal = await Run.OpenTaskAsync(instanceId, "File the appeal by 2027-01-29");
        Assert.Equal(Local(2027, 1, 29, 23, 59, 59).UtcDateTime, appeal["dueAt"]!.GetValue<DateTime>());
        Assert.NotNull(await Run.OpenTaskAsync(instanceId, "Offer the ordering clinician a peer-to-peer review"));
        await Run.CompleteAsync(Priya, Text(appeal, "id")!, "Filed", new { filedOn = "2026-12-10" });

        var closure = await ClosureAsync(instanceId);
        Assert.Equal(("denied", true, "Conservative therapy under 6 weeks"), (Text(closure, "status"), closure["appealed"]!.GetValue<bool>(), Text(closure["denial"]!, "reason")));
        var outcomes = await Run.MetricAsync("pa-outcomes", Local(2026, 11, 1), Local(2026, 12, 1));
        Assert.Equal(((1, 1), (1, 1), (1, 1)), (Ratio(outcomes, "denied"), Ratio(outcomes, "appealed"), Ratio(outcomes, "firstPass")));
        Assert.Equal("Finished", Text(await Run.InstanceAsync(instanceId), "status"));
        Assert.DoesNotContain(await Run.TasksAsync(instanceId), t => Text(t, "status") is "ready" or "in-progress");
    }

    [Fact]
    public async Task A_standard_decision_on_day_6_is_within_the_7_day_timeframe()
    {
        var instanceId = await RequestedAsync("standard");
        await SubmittedAsync(instanceId, "standard", Local(2026, 11, 23, 10));
        await Run.App.AdvanceToAsync(Local(2026, 11, 29, 10));

        await DecisionAsync(new JsonObject { ["reviewAction"] = "A1", ["authorizationNumber"] = "AUTH-1" });

        var decided = (await ClosureAsync(instanceId))["decided"]!;
        Assert.Equal((true, 144.0), (decided["withinTimeframe"]!.GetValue<bool>(), decided["turnaroundHours"]!.GetValue<double>()));
        var turnaround = await Run.MetricAsync("pa-turnaround", Local(2026, 11, 1), Local(2026, 12, 1));
        Assert.Equal(((1, 1), 144.0), (Ratio(turnaround, "standardWithinTimeframe"), Measure(turnaround, "standardMedianHours")));
        Assert.Equal("Finished", Text(await Run.InstanceAsync(instanceId), "status"));
    }
}

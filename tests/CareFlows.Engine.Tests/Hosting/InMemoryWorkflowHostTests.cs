using System.Text.Json.Nodes;
using CareFlows.Engine.Execution;
using CareFlows.Engine.Hosting;
using CareFlows.Engine.Tests.TestSupport;

namespace CareFlows.Engine.Tests.Hosting;

public class InMemoryWorkflowHostTests
{
    private readonly WorkflowTestFixture _fixture = new();

    [Fact]
    public void Published_timer_workflow_starts_an_instance_every_minute()
    {
        using var host = new InMemoryWorkflowHost(_fixture.Engine);
        host.Publish(_fixture.Compile(TestSupport.Definitions.Compat("timer-workflow.json")));

        _fixture.Clock.Advance(TimeSpan.FromSeconds(59));
        Assert.Empty(host.Instances);

        _fixture.Clock.Advance(TimeSpan.FromSeconds(1));
        var first = Assert.Single(host.Instances);
        Assert.Equal(["Hello from timer"], first.Log);
        Assert.Equal(WorkflowSubStatus.Finished, first.SubStatus);
        Assert.Equal(WorkflowTestFixture.Epoch.AddMinutes(1), first.CreatedAt);

        _fixture.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(3, host.Instances.Count);
        Assert.All(host.Instances, i => Assert.Equal(["Hello from timer"], i.Log));
    }

    [Fact]
    public void Published_cron_workflow_starts_at_the_top_of_every_hour()
    {
        _fixture.Clock.Advance(TimeSpan.FromMinutes(17));
        using var host = new InMemoryWorkflowHost(_fixture.Engine);
        host.Publish(_fixture.Compile(TestSupport.Definitions.Compat("cron-every-hour.json")));

        _fixture.Clock.Advance(TimeSpan.FromMinutes(42) + TimeSpan.FromSeconds(59));
        Assert.Empty(host.Instances);

        _fixture.Clock.Advance(TimeSpan.FromSeconds(1));
        var first = Assert.Single(host.Instances);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero), first.CreatedAt);
        Assert.Equal(["Hello every hour"], first.Log);

        for (var hour = 0; hour < 3; hour++)
        {
            _fixture.Clock.Advance(TimeSpan.FromHours(1));
        }

        Assert.Equal(
            [10, 11, 12, 13],
            host.Instances.Select(i => i.CreatedAt.Hour));
    }

    [Fact]
    public void A_task_not_done_in_two_business_days_goes_overdue_on_simulated_time()
    {
        // Discharged Friday 2026-11-20 afternoon: the call is due Tuesday 17:00 New York; the Overdue path runs then.
        _fixture.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 20, 19, 0, 0, TimeSpan.Zero));
        using var host = new InMemoryWorkflowHost(_fixture.Engine);
        var call = Flows.Activity("call", "CareFlows.HumanTask", ("title", "String", "Call the patient"), ("dueInBusinessDays", "Int32", "2"));
        call["outcomes"] = Flows.Input("String[]", "Object", "[\"Reached\"]");
        call["deadlines"] = Flows.Input("Object", "Object", "[{\"kind\":\"notCompleted\",\"port\":\"Overdue\"}]");
        var workflow = _fixture.Compile(Flows.Flowchart(
            [call, Flows.WriteLine("overdue", "late")],
            [Flows.Connection("call", "late", "Overdue")]));

        var started = host.Start(workflow);
        _fixture.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 24, 21, 59, 59, TimeSpan.Zero));
        Assert.Empty(host.Instances.Single(i => i.Id == started.State.Id).Log);

        _fixture.Clock.Advance(TimeSpan.FromSeconds(1));
        var instance = host.Instances.Single(i => i.Id == started.State.Id);
        Assert.Equal(["overdue"], instance.Log);
        Assert.Equal(WorkflowSubStatus.Suspended, instance.SubStatus);
    }

    [Fact]
    public void Unpublished_trigger_workflows_start_nothing()
    {
        using var host = new InMemoryWorkflowHost(_fixture.Engine);

        _fixture.Clock.Advance(TimeSpan.FromHours(2));

        Assert.Empty(host.Instances);
    }

    [Fact]
    public void A_delay_resumes_when_the_clock_reaches_it()
    {
        using var host = new InMemoryWorkflowHost(_fixture.Engine);
        var workflow = _fixture.Compile(Flows.Sequence(
            Flows.WriteLine("before"),
            Flows.Activity("wait", "Elsa.Delay", ("timeSpan", "TimeSpan", "00:05:00")),
            Flows.WriteLine("after")));

        var started = host.Start(workflow);
        Assert.Equal(WorkflowSubStatus.Suspended, started.State.SubStatus);

        _fixture.Clock.Advance(TimeSpan.FromMinutes(4));
        Assert.Equal(["before"], host.Instances[0].Log);

        _fixture.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(["before", "after"], host.Instances[0].Log);
        Assert.Equal(WorkflowSubStatus.Finished, host.Instances[0].SubStatus);
    }

    [Fact]
    public void An_event_reaches_only_the_instance_with_its_correlation_id()
    {
        using var host = new InMemoryWorkflowHost(_fixture.Engine);
        var workflow = _fixture.Compile(Flows.Sequence(
            Flows.Activity("wait", "Elsa.Event", ("eventName", "String", "PayerDecision")),
            Flows.WriteLine("decided")));
        host.Start(workflow, new StartRequest { CorrelationId = "PA-1" });
        host.Start(workflow, new StartRequest { CorrelationId = "PA-2" });

        var delivered = host.PublishEvent("PayerDecision", "PA-2", new JsonObject { ["decision"] = "approved" });

        Assert.Equal(1, delivered);
        Assert.Equal([WorkflowSubStatus.Suspended, WorkflowSubStatus.Finished], host.Instances.Select(i => i.SubStatus));
        var payload = Assert.IsType<JsonObject>(host.Instances[1].Activities["wait"].Outputs!["result"]);
        Assert.Equal("approved", payload["decision"]!.GetValue<string>());
    }
}

using System.Text.Json.Nodes;
using CareFlows.Engine.Execution;
using CareFlows.Engine.Tests.Activities;
using CareFlows.Engine.Tests.TestSupport;

namespace CareFlows.Engine.Tests.Execution;

/// <summary>A suspended instance saved, loaded by a fresh engine and resumed ends exactly as one kept in memory.</summary>
public class MidFlightSerializationTests
{
    // Three parallel waits (a task, a timer, an event) joined with WaitAll, with typed variables along the way.
    private static Engine.Definitions.WorkflowDefinition Definition()
    {
        var set = Flows.Activity("set", "Elsa.SetVariable", ("value", "Object", "2026-03-04T17:00:00Z"));
        set["variable"] = Flows.Variable("Deadline", "DateTimeOffset", "");
        var task = Flows.Activity("task", "CareFlows.HumanTask", ("title", "String", "Call patient"));
        task["outcomes"] = Flows.Input("String[]", "Object", "[\"Reached\",\"Unreachable\"]");
        return Flows.Flowchart(
            [set, FlowActivityTests.Fork("fork", "Task", "Timer", "Event"), task, Flows.Activity("delay", "Elsa.Delay", ("timeSpan", "TimeSpan", "1.00:00:00")),
             Flows.Activity("event", "Elsa.Event", ("eventName", "String", "LabsReady")),
             Flows.Activity("join", "Elsa.FlowJoin", ("mode", "String", "WaitAll")), Flows.WriteLine("all done")],
            [Flows.Connection("set", "fork"), Flows.Connection("fork", "task", "Task"), Flows.Connection("fork", "delay", "Timer"), Flows.Connection("fork", "event", "Event"),
             Flows.Connection("task", "join", "Reached"), Flows.Connection("delay", "join"), Flows.Connection("event", "join"), Flows.Connection("join", "write-all-done")],
            [Flows.Variable("Deadline", "DateTimeOffset", "")]);
    }

    private static async Task<(RunResult Result, List<Journal.JournalEntry> Journal)> RunAsync(bool serializeBetweenSteps)
    {
        var fixture = new WorkflowTestFixture();
        var workflow = fixture.Compile(Definition());
        var result = await fixture.Engine.StartAsync(workflow, new StartRequest { CorrelationId = "ENC-1", Input = new Dictionary<string, object?> { ["patient"] = "Patient/9" } });
        var journal = result.Journal.ToList();
        var inputs = new Dictionary<string, JsonNode?>
        {
            ["task"] = new JsonObject { ["outcome"] = "Reached", ["data"] = new JsonObject { ["minutes"] = 12 } },
            ["delay"] = null,
            ["event"] = new JsonObject { ["potassium"] = 4.1 },
        };
        foreach (var activity in new[] { "event", "task", "delay" })
        {
            var state = result.State;
            if (serializeBetweenSteps)
            {
                var fresh = new WorkflowTestFixture();
                fresh.Clock.SetUtcNow(fixture.Clock.GetUtcNow());
                workflow = fresh.Compile(Definition());
                state = WorkflowStateSerializer.Deserialize(WorkflowStateSerializer.SerializeToUtf8(state), workflow);
                fixture = fresh;
            }

            fixture.Clock.Advance(TimeSpan.FromHours(9));
            result = await fixture.Engine.ResumeAsync(workflow, state, state.Bookmarks.Single(b => b.ActivityId == activity).Id, inputs[activity]);
            journal.AddRange(result.Journal);
        }

        return (result, journal);
    }

    [Fact]
    public async Task Saved_and_reloaded_between_every_resume_it_ends_as_in_memory()
    {
        var inMemory = await RunAsync(serializeBetweenSteps: false);
        var reloaded = await RunAsync(serializeBetweenSteps: true);

        Assert.Equal(["all done"], inMemory.Result.State.Log);
        Assert.Equal(WorkflowSubStatus.Finished, inMemory.Result.State.SubStatus);
        Assert.Equal(WorkflowStateSerializer.Serialize(inMemory.Result.State), WorkflowStateSerializer.Serialize(reloaded.Result.State));
        Assert.Equal(inMemory.Journal, reloaded.Journal);
    }

    [Fact]
    public async Task A_suspended_state_round_trips_through_json_unchanged()
    {
        var fixture = new WorkflowTestFixture();
        var workflow = fixture.Compile(Definition());
        var suspended = await fixture.Engine.StartAsync(workflow);

        var json = WorkflowStateSerializer.Serialize(suspended.State);
        var reloaded = WorkflowStateSerializer.Deserialize(json, workflow);

        Assert.Equal(json, WorkflowStateSerializer.Serialize(reloaded));
        Assert.Equal(3, reloaded.Bookmarks.Count);
        Assert.IsType<DateTimeOffset>(reloaded.Variables["Deadline"]);
        Assert.Equal(WorkflowSubStatus.Suspended, reloaded.SubStatus);
    }
}

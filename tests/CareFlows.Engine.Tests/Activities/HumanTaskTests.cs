using System.Text.Json.Nodes;
using CareFlows.Engine.Bookmarks;
using CareFlows.Engine.Execution;
using CareFlows.Engine.Tests.TestSupport;

namespace CareFlows.Engine.Tests.Activities;

public class HumanTaskTests
{
    private readonly ActivityTestFixture _fixture = new();

    private static JsonObject OutreachCall()
    {
        var task = Flows.Activity(
            "call",
            "CareFlows.HumanTask",
            ("title", "String", "Post-discharge outreach call"),
            ("patientReference", "String", "Patient/42"),
            ("priority", "String", "urgent"),
            ("dueIn", "TimeSpan", "2.00:00:00"));
        task["candidateTeams"] = Flows.Input("String[]", "Object", "[\"care-coordinators\"]");
        task["outcomes"] = Flows.Input("String[]", "Object", "[\"Reached\",\"Unreachable\"]");
        task["form"] = Flows.Input("Object", "Object", "{\"fields\":[{\"name\":\"notes\",\"type\":\"text\",\"required\":true}]}");
        return task;
    }

    [Fact]
    public async Task Creates_a_task_bookmark_carrying_the_specification()
    {
        var result = await _fixture.RunAsync(OutreachCall(), ["Reached", "Unreachable"]);

        var bookmark = Assert.Single(result.State.Bookmarks);
        Assert.Equal((BookmarkKind.Task, "CareFlows.HumanTask"), (bookmark.Kind, bookmark.Name));
        var spec = bookmark.Payload!;
        Assert.Equal("Post-discharge outreach call", spec["title"]!.GetValue<string>());
        Assert.Equal("Patient/42", spec["patientReference"]!.GetValue<string>());
        Assert.Equal("urgent", spec["priority"]!.GetValue<string>());
        Assert.Equal(_fixture.Workflow.Clock.GetUtcNow().AddDays(2), spec["dueAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal(["care-coordinators"], spec["candidateTeams"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal(["Reached", "Unreachable"], spec["outcomes"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal("notes", spec["form"]!["fields"]![0]!["name"]!.GetValue<string>());
        Assert.Equal(bookmark.TaskId, spec["taskId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Completing_with_an_outcome_continues_through_that_port_with_the_data()
    {
        var suspended = await _fixture.RunAsync(OutreachCall(), ["Reached", "Unreachable"]);

        var resumed = await _fixture.ResumeAsync(suspended, new JsonObject { ["outcome"] = "Unreachable", ["data"] = new JsonObject { ["notes"] = "voicemail" } });

        Assert.Equal(["Unreachable"], resumed.State.Log);
        Assert.Equal("Unreachable", resumed.State.Activities["call"].Outputs!["outcome"]);
        Assert.Equal("voicemail", ((JsonObject)resumed.State.Activities["call"].Outputs!["result"]!)["notes"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_outcome_the_task_does_not_allow_is_rejected_before_anything_changes()
    {
        var suspended = await _fixture.RunAsync(OutreachCall(), ["Reached", "Unreachable"]);
        var before = WorkflowStateSerializer.Serialize(suspended.State);

        var error = await Assert.ThrowsAsync<InvalidResumeInputException>(async () =>
            await _fixture.ResumeAsync(suspended, new JsonObject { ["outcome"] = "Maybe" }));

        Assert.Contains("Reached, Unreachable", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, WorkflowStateSerializer.Serialize(suspended.State));
    }

    [Fact]
    public async Task A_task_due_in_business_days_is_due_at_the_end_of_that_business_day()
    {
        // Discharged on Friday 2026-11-20 in the afternoon: two business days is Tuesday 17:00 in New York.
        _fixture.Workflow.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 20, 19, 30, 0, TimeSpan.Zero));
        var task = OutreachCall();
        task["dueInBusinessDays"] = Flows.Input("Int32", "Literal", "2");

        var result = await _fixture.RunAsync(task, ["Reached", "Unreachable"]);

        Assert.Equal(new DateTimeOffset(2026, 11, 24, 22, 0, 0, TimeSpan.Zero), Assert.Single(result.State.Bookmarks).Payload!["dueAt"]!.GetValue<DateTimeOffset>());
    }

    [Fact]
    public async Task The_patient_and_the_stage_travel_with_the_task()
    {
        var task = OutreachCall();
        task["patient"] = Flows.Input("Object", "Object", "{\"id\":\"Patient/7\",\"name\":\"Rosa Diaz\",\"mrn\":\"MRN-7\",\"birthDate\":\"1948-03-02\"}");
        task["stage"] = Flows.Input("String", "Literal", "Interactive contact");

        var spec = Assert.Single((await _fixture.RunAsync(task, ["Reached", "Unreachable"])).State.Bookmarks).Payload!;

        Assert.Equal("""{"id":"Patient/7","name":"Rosa Diaz","mrn":"MRN-7","birthDate":"1948-03-02"}""", spec["patient"]!.ToJsonString());
        Assert.Equal("Patient/7", spec["patientReference"]!.GetValue<string>());
        Assert.Equal("Interactive contact", spec["stage"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_patient_whose_birth_date_is_not_a_date_raises_an_incident()
    {
        var task = OutreachCall();
        task["patient"] = Flows.Input("Object", "Object", "{\"id\":\"Patient/7\",\"birthDate\":\"soon\"}");

        var result = await _fixture.RunAsync(task, ["Reached"]);

        Assert.Contains("soon", Assert.Single(result.State.Incidents).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_priority_raises_an_incident()
    {
        var task = OutreachCall();
        task["priority"] = Flows.Input("String", "Literal", "whenever");

        var result = await _fixture.RunAsync(task, ["Reached"]);

        Assert.Contains("whenever", Assert.Single(result.State.Incidents).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Its_outcomes_are_the_ports_the_designer_shows()
    {
        var workflow = _fixture.Workflow.Compile(Flows.Sequence(OutreachCall()));

        Assert.Equal(["Reached", "Unreachable"], workflow.Nodes[0].Activity.GetDynamicOutcomes());
    }
}

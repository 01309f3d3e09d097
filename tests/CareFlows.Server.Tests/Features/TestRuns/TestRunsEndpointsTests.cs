using System.Net;
using System.Text.Json.Nodes;
using CareFlows.Server.Auth;
using CareFlows.Server.Features.TestRuns;
using CareFlows.Server.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CareFlows.Server.Tests.Features.TestRuns;

public sealed class TestRunsEndpointsTests(SqliteApp app) : AppTests(app), IClassFixture<SqliteApp>
{
    // A Monday, 09:00 in the organisation's zone is still Monday: two business days later is Wednesday's end.
    private static readonly DateTimeOffset Monday = new(2026, 11, 30, 14, 0, 0, TimeSpan.Zero);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>Start → a call with a two-field form due in 2 business days → a one-day delay → a decision on the answer → end.</summary>
    private static JsonObject Draft() => JsonNode.Parse("""
        {
          "id": "test-run-draft-v1", "definitionId": "test-run-draft", "name": "Test run draft", "version": 1,
          "variables": [{ "id": "reached", "name": "Reached", "typeName": "Boolean", "value": "false" }],
          "root": {
            "id": "flowchart", "type": "Elsa.Flowchart",
            "activities": [
              { "id": "start", "type": "Elsa.Start", "version": 1 },
              { "id": "call", "type": "CareFlows.HumanTask", "version": 1,
                "title": { "typeName": "String", "expression": { "type": "Liquid", "value": "Call {{ Input.patient }}" } },
                "dueInBusinessDays": { "typeName": "Int32", "expression": { "type": "Literal", "value": "2" } },
                "form": { "typeName": "Object", "expression": { "type": "Object", "value": "{\"fields\":[{\"key\":\"reached\",\"type\":\"boolean\",\"label\":\"Patient reached\",\"required\":true},{\"key\":\"notes\",\"type\":\"text\",\"label\":\"Notes\",\"required\":true}]}" } },
                "outcomes": { "typeName": "String[]", "expression": { "type": "Object", "value": "[\"Done\"]" } } },
              { "id": "keep", "type": "Elsa.SetVariable", "version": 1,
                "variable": { "id": "reached", "name": "Reached" },
                "value": { "typeName": "Object", "expression": { "type": "JavaScript", "value": "getLastResult().reached" } } },
              { "id": "wait", "type": "Elsa.Delay", "version": 1,
                "timeSpan": { "typeName": "TimeSpan", "expression": { "type": "Literal", "value": "1.00:00:00" } } },
              { "id": "decide", "type": "Elsa.FlowDecision", "version": 1,
                "condition": { "typeName": "Boolean", "expression": { "type": "JavaScript", "value": "variables.Reached === true" } } },
              { "id": "end", "type": "Elsa.End", "version": 1 }
            ],
            "connections": [
              { "source": { "activity": "start", "port": "Done" }, "target": { "activity": "call", "port": "In" } },
              { "source": { "activity": "call", "port": "Done" }, "target": { "activity": "keep", "port": "In" } },
              { "source": { "activity": "keep", "port": "Done" }, "target": { "activity": "wait", "port": "In" } },
              { "source": { "activity": "wait", "port": "Done" }, "target": { "activity": "decide", "port": "In" } },
              { "source": { "activity": "decide", "port": "True" }, "target": { "activity": "end", "port": "In" } },
              { "source": { "activity": "decide", "port": "False" }, "target": { "activity": "end", "port": "In" } }
            ]
          }
        }
        """)!.AsObject();

    private async Task<(HttpClient Client, TestRunResponse Run)> StartAsync()
    {
        var client = await App.ClientAsync(Roles.ClinicalLead);
        using var response = await client.PostJsonAsync("/api/definitions/test-run-draft/test-runs", new { definition = Draft(), input = new { patient = "Ada Lovelace" }, startAt = Monday });
        return (client, await response.ReadAsync<TestRunResponse>(HttpStatusCode.Created));
    }

    [Fact]
    public async Task A_draft_runs_on_the_simulated_clock_through_its_task_and_its_delay_to_the_end()
    {
        var (client, run) = await StartAsync();

        Assert.Equal(Monday, run.Now);
        Assert.Equal(("Running", "Suspended"), (run.Status, run.SubStatus));
        var task = Assert.Single(run.Tasks);
        Assert.Equal(("Call Ada Lovelace", "ready"), (task.Title, task.Status));
        Assert.Equal(2, task.Form!["fields"]!.AsArray().Count);
        Assert.NotNull(task.DueAt);
        Assert.Equal("active", run.ActivityStatus["call"]);
        Assert.Equal("done", run.ActivityStatus["start"]);

        using var empty = await client.PostJsonAsync($"/api/test-runs/{run.Id}/tasks/{task.Id}/complete", new { outcome = "Done", data = new { } });
        var problem = await empty.ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["$.data.notes", "$.data.reached"], problem.ErrorFields().Order(StringComparer.Ordinal));

        using var done = await client.PostJsonAsync($"/api/test-runs/{run.Id}/tasks/{task.Id}/complete", new { outcome = "Done", data = new { reached = true, notes = "Spoke with her" } });
        run = await done.ReadAsync<TestRunResponse>(HttpStatusCode.OK);
        var timer = Assert.Single(run.Timers);
        Assert.Equal(Monday.AddDays(1), timer.DueAt);
        Assert.Equal("completed", Assert.Single(run.Tasks).Status);
        Assert.Equal("active", run.ActivityStatus["wait"]);

        using var next = await client.PostJsonAsync($"/api/test-runs/{run.Id}/advance", new { next = true });
        run = await next.ReadAsync<TestRunResponse>(HttpStatusCode.OK);
        Assert.Equal(Monday.AddDays(1), run.Now);
        Assert.Equal("Finished", run.Status);
        Assert.Empty(run.Timers);
        Assert.True(run.Variables["Reached"]!.GetValue<bool>());
        Assert.All(["start", "call", "keep", "wait", "decide", "end"], id => Assert.Equal("done", run.ActivityStatus[id]));
        Assert.Contains(run.Journal, j => j.ActivityId == "wait" && j.EventName == "Completed" && j.Timestamp == Monday.AddDays(1));
    }

    [Fact]
    public async Task A_test_run_leaves_no_instance_task_or_journal_entry_behind()
    {
        var before = await QueryAsync(async db => (await db.Instances.CountAsync(Cancel), await db.Tasks.CountAsync(Cancel), await db.Journal.CountAsync(Cancel)));

        var (client, run) = await StartAsync();
        var task = run.Tasks[0];
        using var done = await client.PostJsonAsync($"/api/test-runs/{run.Id}/tasks/{task.Id}/complete", new { outcome = "Done", data = new { reached = false, notes = "Voicemail" } });
        using var moved = await client.PostJsonAsync($"/api/test-runs/{run.Id}/advance", new { by = "3.00:00:00" });
        Assert.Equal("Finished", (await moved.ReadAsync<TestRunResponse>(HttpStatusCode.OK)).Status);

        var after = await QueryAsync(async db => (await db.Instances.CountAsync(Cancel), await db.Tasks.CountAsync(Cancel), await db.Journal.CountAsync(Cancel)));
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task Moving_the_clock_is_refused_clearly_when_nothing_waits_or_the_request_says_two_things()
    {
        var (client, run) = await StartAsync();

        using var nothing = await client.PostJsonAsync($"/api/test-runs/{run.Id}/advance", new { next = true });
        Assert.Contains("No timer is waiting", (await nothing.ProblemAsync(HttpStatusCode.Conflict))["detail"]!.GetValue<string>(), StringComparison.Ordinal);

        using var both = await client.PostJsonAsync($"/api/test-runs/{run.Id}/advance", new { next = true, by = "1.00:00:00" });
        Assert.Equal(["$"], (await both.ProblemAsync(HttpStatusCode.UnprocessableEntity)).ErrorFields());

        using var backwards = await client.PostJsonAsync($"/api/test-runs/{run.Id}/advance", new { by = "-1.00:00:00" });
        Assert.Equal(["$.by"], (await backwards.ProblemAsync(HttpStatusCode.UnprocessableEntity)).ErrorFields());
    }

    [Fact]
    public async Task A_definition_that_cannot_run_is_refused_by_json_path_under_definition()
    {
        var client = await App.ClientAsync(Roles.ClinicalLead);
        var draft = Draft();
        draft["root"]!["activities"]!.AsArray().Add(new JsonObject { ["id"] = "mystery", ["type"] = "Acme.Unknown", ["version"] = 1 });

        using var response = await client.PostJsonAsync("/api/definitions/test-run-draft/test-runs", new { definition = draft });

        var problem = await response.ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains(problem.ErrorFields(), f => f.Contains("activities", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_run_is_its_owner_s_alone_and_coordinators_cannot_start_one()
    {
        var (_, run) = await StartAsync();
        using var admin = await App.ClientAsync(Roles.Admin);
        using var coordinator = await App.ClientAsync(Roles.Coordinator);

        using var other = await admin.GetAsync($"/api/test-runs/{run.Id}", Cancel);
        using var refused = await coordinator.PostJsonAsync("/api/definitions/test-run-draft/test-runs", new { definition = Draft() });

        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task An_ended_run_is_gone()
    {
        var (client, run) = await StartAsync();

        using var ended = await client.DeleteAsync($"/api/test-runs/{run.Id}", Cancel);
        using var after = await client.GetAsync($"/api/test-runs/{run.Id}", Cancel);

        Assert.Equal(HttpStatusCode.NoContent, ended.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, after.StatusCode);
    }

    [Fact]
    public async Task A_pathway_that_dispatches_a_child_runs_the_child_in_the_same_sandbox()
    {
        var client = await App.ClientAsync(Roles.ClinicalLead);
        var pathways = new JsonArray(
            JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Pathways", "prior-authorization.json"), Cancel)),
            JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Pathways", "specialist-referral.json"), Cancel)));
        using var imported = await client.PostJsonAsync("/api/definitions/import?publish=true", pathways);
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);

        using var response = await client.PostJsonAsync("/api/definitions/specialist-referral/test-runs", new
        {
            input = new
            {
                referralId = "REF-TEST",
                specialty = "Cardiology",
                patient = new { id = "Patient/T1", name = "Test Patient", mrn = "T1", birthDate = "1950-01-01" },
                authorization = new { service = new { code = "93458", display = "Cardiac catheterization" }, payer = new { name = "Test payer" } },
            },
            startAt = Monday,
        });

        var run = await response.ReadAsync<TestRunResponse>(HttpStatusCode.Created);
        Assert.Empty(run.Incidents);
        // The prior authorization it waits for runs as a child in the sandbox, and its first task is there to complete.
        Assert.Contains(run.Tasks, t => t.InstanceId != run.InstanceId && t.Status == "ready");
    }
}

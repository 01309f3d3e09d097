using System.Net;
using System.Text.Json.Nodes;
using CareFlows.Engine.Execution;
using CareFlows.Engine.Definitions.Serialization;
using CareFlows.Server.Auth;
using CareFlows.Server.Features.Definitions;
using CareFlows.Server.Features.Instances;
using CareFlows.Server.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareFlows.Server.Tests.Features.Instances;

public abstract class InstancesEndpointsTests(CareFlowsApp app) : AppTests(app)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_started_instance_is_readable_and_an_event_finishes_it()
    {
        var client = await App.ClientAsync(Roles.Admin);
        var key = NewKey();

        var response = await client.PostJsonAsync("/api/instances", new { definitionId = "test-wait-for-event", correlationId = key, name = "Prior auth", input = new { patient = "Patient/7", priority = 2 } });
        var started = await response.ReadAsync<InstanceSnapshotResponse>(HttpStatusCode.Created);

        Assert.Equal($"/api/instances/{started.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal(("test-wait-for-event", 1, key), (started.DefinitionId, started.Version, started.CorrelationId));
        Assert.Equal((WorkflowStatus.Running, WorkflowSubStatus.Suspended, 1, 0), (started.Status, started.SubStatus, started.OpenBookmarks, started.Incidents));

        var waiting = await client.GetInstanceAsync(started.Id);
        Assert.Equal(("Prior auth", "Running", "Suspended"), (waiting.Name, waiting.Status, waiting.SubStatus));
        Assert.Equal("Patient/7", waiting.Input["patient"]!.GetValue<string>());
        Assert.Equal(2, waiting.Input["priority"]!.GetValue<int>());
        var bookmark = Assert.Single(waiting.Bookmarks);
        Assert.Equal(("Event", "decision", "PayerDecision", key), (bookmark.Kind, bookmark.ActivityId, bookmark.EventName, bookmark.CorrelationKey));
        Assert.Equal(["waiting"], waiting.Log);
        Assert.Null(waiting.FinishedAt);

        var published = await client.PostJsonAsync("/api/events", new { eventName = "PayerDecision", correlationKey = key, payload = new { approved = true } });
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);

        var finished = await client.GetInstanceAsync(started.Id);
        Assert.Equal(("Finished", "Finished"), (finished.Status, finished.SubStatus));
        Assert.Empty(finished.Bookmarks);
        Assert.Empty(finished.Incidents);
        Assert.Equal(["waiting", "decided"], finished.Log);
        Assert.NotNull(finished.FinishedAt);
        Assert.True(finished.UpdatedAt >= waiting.UpdatedAt);
    }

    [Fact]
    public async Task Starting_needs_a_published_version()
    {
        var client = await App.ClientAsync(Roles.ClinicalLead);
        await using (var scope = App.Services.CreateAsyncScope())
        {
            // A draft version 2 on top of the published version 1.
            var store = scope.ServiceProvider.GetRequiredService<DefinitionStore>();
            var published = await scope.ServiceProvider.GetRequiredService<CareFlows.Server.Persistence.CareFlowsDbContext>().Definitions
                .SingleAsync(d => d.DefinitionId == "test-delay" && d.IsPublished, Cancel);
            await store.SaveDraftAsync("test-delay", WorkflowDefinitionReader.Read(published.Json), DefinitionEditor.System, cancellationToken: Cancel);
        }

        var unknown = await client.PostJsonAsync("/api/instances", new { definitionId = "no-such-definition" });
        var draft = await client.PostJsonAsync("/api/instances", new { definitionId = "test-delay", version = 2 });
        var missingVersion = await client.PostJsonAsync("/api/instances", new { definitionId = "test-delay", version = 99 });
        var pinned = await client.PostJsonAsync("/api/instances", new { definitionId = "test-delay", version = 1, input = new { delay = "01:00:00" } });

        Assert.Contains("no-such-definition", (await unknown.ProblemAsync(HttpStatusCode.NotFound))["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("not published", (await draft.ProblemAsync(HttpStatusCode.Conflict))["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        await missingVersion.ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(1, (await pinned.ReadAsync<InstanceSnapshotResponse>(HttpStatusCode.Created)).Version);
    }

    [Fact]
    public async Task An_invalid_start_request_is_422_with_every_field_error_and_stores_nothing()
    {
        var client = await App.ClientAsync(Roles.Coordinator);
        var key = NewKey();

        var missing = await client.PostJsonAsync("/api/instances", new { correlationId = key, version = 0, input = new JsonArray(1, 2) });
        var tooLong = await client.PostJsonAsync("/api/instances", new { definitionId = new string('d', 129), correlationId = key, name = new string('n', 257) });
        var notAnObject = await client.PostJsonAsync("/api/instances", new { definitionId = "test-delay", correlationId = key, input = "delay" });

        var missingProblem = await missing.ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["$.definitionId", "$.input", "$.version"], missingProblem.ErrorFields().Order(StringComparer.Ordinal));
        Assert.Equal("'definitionId' must not be empty.", missingProblem.ErrorAt("$.definitionId"));
        Assert.Equal("'version' must be greater than '0'.", missingProblem.ErrorAt("$.version"));
        PlainProblems.AssertPlain(missingProblem);
        Assert.Equal(["$.definitionId", "$.name"], (await tooLong.ProblemAsync(HttpStatusCode.UnprocessableEntity)).ErrorFields().Order(StringComparer.Ordinal));
        Assert.Equal(["$.input"], (await notAnObject.ProblemAsync(HttpStatusCode.UnprocessableEntity)).ErrorFields());
        Assert.Equal(0, await QueryAsync(db => db.Instances.CountAsync(i => i.CorrelationId == key, Cancel)));
    }

    [Theory]
    [InlineData("""{"definitionId": }""", "$.definitionId")]
    [InlineData("""{"definitionId": "test-delay", "input": {"delay": "00:01:00",}""", "$.input")]
    [InlineData("""{"definitionId": 42}""", "$.definitionId")]
    [InlineData("""[1, 2]""", "$")]
    [InlineData("""{"definitionId": "test-delay", "definitionId": "test-tick-loop"}""", "$.definitionId")]
    [InlineData("""{"definitionId": "test-delay", "input": {"delay": "00:01:00", "delay": "00:02:00"}}""", "$.input")]
    public async Task A_malformed_body_is_400_naming_the_json_path(string body, string jsonPath)
    {
        var client = await App.ClientAsync(Roles.Coordinator);

        var response = await client.PostRawAsync("/api/instances", body);

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.StartsWith(jsonPath, problem["jsonPath"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[]", "$", "The body must be a JSON object.")]
    [InlineData("\"x\"", "$", "The body must be a JSON object.")]
    [InlineData("""{"definitionId": 5}""", "$.definitionId", "'definitionId' must be a string, given once.")]
    [InlineData("""{"definitionId": "test-delay", "version": "two"}""", "$.version", "'version' must be a whole number, given once.")]
    [InlineData("""{"definitionId": "test-delay", "input": {"delay": "00:01:00",}}""", "$.input", "The body is not valid JSON at line 1, position 62.")]
    [InlineData("null", "$", "A JSON body is required.")]
    [InlineData("", "$", "A JSON body is required.")]
    public async Task A_body_of_the_wrong_shape_or_none_is_400_naming_the_json_path_in_plain_words(string body, string jsonPath, string message)
    {
        var client = await App.ClientAsync(Roles.Coordinator);
        var before = await QueryAsync(db => db.Instances.CountAsync(Cancel));

        var response = await client.PostRawAsync("/api/instances", body);

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(jsonPath, problem["jsonPath"]!.GetValue<string>());
        Assert.Equal([jsonPath], problem.ErrorFields());
        Assert.Equal(message, problem.ErrorAt(jsonPath));
        PlainProblems.AssertPlain(problem);
        Assert.Equal(before, await QueryAsync(db => db.Instances.CountAsync(Cancel)));
    }

    [Fact]
    public async Task Input_names_that_differ_only_in_case_are_distinct_json_and_accepted()
    {
        var client = await App.ClientAsync(Roles.Coordinator);

        var response = await client.PostRawAsync("/api/instances", """{"definitionId": "test-delay", "input": {"delay": "01:00:00", "Delay": "02:00:00"}}""");

        var started = await response.ReadAsync<InstanceSnapshotResponse>(HttpStatusCode.Created);
        Assert.Equal(WorkflowSubStatus.Suspended, started.SubStatus);
    }

    [Fact]
    public async Task Cancelling_ends_the_instance_and_a_second_cancel_is_409_and_changes_nothing()
    {
        var admin = await App.ClientAsync(Roles.Admin);
        var started = await admin.StartInstanceAsync("test-wait-for-event", NewKey());

        var first = await admin.PostJsonAsync($"/api/instances/{started.Id}/cancel", new { reason = "patient moved away" });
        var cancelled = await first.ReadAsync<InstanceSnapshotResponse>(HttpStatusCode.OK);
        var before = await InstanceAsync(started.Id);
        var second = await admin.PostAsync($"/api/instances/{started.Id}/cancel", content: null, Cancel);

        Assert.Equal((WorkflowStatus.Finished, WorkflowSubStatus.Cancelled, 0), (cancelled.Status, cancelled.SubStatus, cancelled.OpenBookmarks));
        Assert.Contains("Cancelled", (await second.ProblemAsync(HttpStatusCode.Conflict))["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        var after = await InstanceAsync(started.Id);
        Assert.Equal((before!.Revision, before.State), (after!.Revision, after.State));
        Assert.Empty(await QueryAsync(db => db.Bookmarks.Where(b => b.InstanceId == started.Id).ToListAsync(Cancel)));
        Assert.Contains(await JournalAsync(started.Id), j => j.EventName == "Cancelled" && j.Message == "patient moved away");
    }

    [Fact]
    public async Task Unknown_instances_are_404()
    {
        var client = await App.ClientAsync(Roles.Admin);

        await (await client.GetAsync("/api/instances/no-such-instance", Cancel)).ProblemAsync(HttpStatusCode.NotFound);
        await (await client.GetAsync("/api/instances/no-such-instance/journal", Cancel)).ProblemAsync(HttpStatusCode.NotFound);
        await (await client.PostJsonAsync("/api/instances/no-such-instance/cancel", new { reason = "x" })).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Reading_needs_an_instance_reader_starting_a_writer_and_cancelling_an_admin()
    {
        var auditor = await App.ClientAsync(Roles.Auditor);
        var coordinator = await App.ClientAsync(Roles.Coordinator);
        using var anonymous = App.CreateClient();
        var key = NewKey();
        var started = await coordinator.StartInstanceAsync("test-wait-for-event", key);

        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.PostJsonAsync("/api/instances", new { definitionId = "test-wait-for-event", correlationId = key })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await coordinator.PostJsonAsync($"/api/instances/{started.Id}/cancel", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/instances", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostJsonAsync("/api/instances", new { definitionId = "test-wait-for-event" })).StatusCode);
        Assert.Equal(started.Id, (await auditor.GetInstanceAsync(started.Id)).Id);
        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync($"/api/instances/{started.Id}/journal", Cancel)).StatusCode);
        Assert.Equal(1, (await auditor.ListInstancesAsync($"correlationId={key}")).Total);
        Assert.Equal("Suspended", (await InstanceAsync(started.Id))!.SubStatus);
    }
    [Fact]
    public async Task The_openapi_document_describes_the_instance_and_event_routes()
    {
        var client = await App.ClientAsync(Roles.Auditor);

        var document = await (await client.GetAsync("/openapi/v1.json", Cancel)).ReadAsync<JsonObject>(HttpStatusCode.OK);

        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToList();
        Assert.Contains("/api/instances", paths);
        Assert.Contains("/api/instances/{id}/cancel", paths);
        Assert.Contains("/api/instances/{id}/journal", paths);
        Assert.Contains("/api/events", paths);
        Assert.Contains("/api/bookmarks/{bookmarkId}/resume", paths);
        var list = document["paths"]!["/api/instances"]!["get"]!["parameters"]!.AsArray().Select(p => p!["name"]!.GetValue<string>());
        Assert.Equal(["status", "subStatus", "definitionId", "correlationId", "createdFrom", "createdTo", "patient", "hasIncidents", "sort", "page", "pageSize"], list);
    }
}

public sealed class SqliteInstancesEndpointsTests(SqliteApp app) : InstancesEndpointsTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresInstancesEndpointsTests(PostgresApp app) : InstancesEndpointsTests(app), IClassFixture<PostgresApp>;

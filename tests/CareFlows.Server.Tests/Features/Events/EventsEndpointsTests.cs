using System.Net;
using CareFlows.Engine.Execution;
using CareFlows.Server.Auth;
using CareFlows.Server.Features.Events.PublishEvent;
using CareFlows.Server.Features.Instances;
using CareFlows.Server.Runtime;
using CareFlows.Server.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CareFlows.Server.Tests.Features.Events;

public abstract class EventsEndpointsTests(CareFlowsApp app) : AppTests(app)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_event_resumes_the_instance_waiting_for_its_correlation_key()
    {
        var client = await App.ClientAsync(Roles.Admin);
        var key = NewKey();
        var target = await client.StartInstanceAsync("test-wait-for-event", key);
        var other = await client.StartInstanceAsync("test-wait-for-event", NewKey());

        var response = await client.PostJsonAsync("/api/events", new { eventName = "PayerDecision", correlationKey = key, payload = new { approved = true } });

        var outcome = await response.ReadAsync<PublishEventResponse>(HttpStatusCode.OK);
        Assert.Equal(EventDisposition.Delivered, outcome.Disposition);
        Assert.Equal([target.Id], outcome.Resumed);
        Assert.Empty(outcome.Started);
        Assert.Equal("Finished", (await client.GetInstanceAsync(target.Id)).SubStatus);
        Assert.Equal("Suspended", (await client.GetInstanceAsync(other.Id)).SubStatus);
    }

    [Fact]
    public async Task An_event_repeated_with_its_idempotency_key_is_a_duplicate_and_applied_once()
    {
        var client = await App.ClientAsync(Roles.Admin);
        var key = NewKey();
        var started = await client.StartInstanceAsync("test-tick-loop", key);
        var idempotencyKey = NewKey();

        async Task<PublishEventResponse> PublishAsync(bool inHeader)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/events")
            {
                Content = System.Net.Http.Json.JsonContent.Create(
                    new { eventName = "Tick", correlationKey = key, idempotencyKey = inHeader ? null : idempotencyKey }, options: HttpJson.Options),
            };
            if (inHeader)
            {
                request.Headers.Add("Idempotency-Key", idempotencyKey);
            }

            return await (await client.SendAsync(request, Cancel)).ReadAsync<PublishEventResponse>(HttpStatusCode.OK);
        }

        var first = await PublishAsync(inHeader: true);
        var again = await PublishAsync(inHeader: true);
        var inBody = await PublishAsync(inHeader: false);

        Assert.Equal(EventDisposition.Delivered, first.Disposition);
        Assert.Equal([started.Id], first.Resumed);
        Assert.Equal(EventDisposition.Duplicate, again.Disposition);
        Assert.Empty(again.Resumed);
        Assert.Equal(EventDisposition.Duplicate, inBody.Disposition);
        Assert.Equal(1, (await client.GetInstanceAsync(started.Id)).Variables["Count"]!.GetValue<int>());
    }

    [Fact]
    public async Task An_event_before_the_wait_point_is_buffered_and_the_instance_takes_it_when_it_gets_there()
    {
        var client = await App.ClientAsync(Roles.Admin);
        var key = NewKey();

        var early = await client.PostJsonAsync("/api/events", new { eventName = "PayerDecision", correlationKey = key, payload = new { approved = false } });
        var buffered = await early.ReadAsync<PublishEventResponse>(HttpStatusCode.OK);
        var started = await client.StartInstanceAsync("test-wait-for-event", key);

        Assert.Equal(EventDisposition.Buffered, buffered.Disposition);
        Assert.Empty(buffered.Resumed);
        Assert.Empty(buffered.Started);
        Assert.Equal((WorkflowStatus.Finished, WorkflowSubStatus.Finished), (started.Status, started.SubStatus));
        Assert.Equal(["waiting", "decided"], (await client.GetInstanceAsync(started.Id)).Log);
        Assert.Equal(0, await QueryAsync(db => db.BufferedEvents.CountAsync(e => e.CorrelationKey == key, Cancel)));
    }

    [Fact]
    public async Task An_invalid_event_is_422_with_field_errors_and_stores_nothing()
    {
        var client = await App.ClientAsync(Roles.Admin);
        var key = NewKey();

        var missingName = await client.PostJsonAsync("/api/events", new { correlationKey = key, idempotencyKey = key });
        var emptyKey = await client.PostJsonAsync("/api/events", new { eventName = "PayerDecision", correlationKey = "", idempotencyKey = new string('k', 257) });
        using var conflicting = new HttpRequestMessage(HttpMethod.Post, "/api/events")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { eventName = "PayerDecision", correlationKey = key, idempotencyKey = key }),
        };
        conflicting.Headers.Add("Idempotency-Key", NewKey());
        var twoKeys = await client.SendAsync(conflicting, Cancel);

        var missingProblem = await missingName.ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["$.eventName"], missingProblem.ErrorFields());
        Assert.Equal("'eventName' must not be empty.", missingProblem.ErrorAt("$.eventName"));
        var emptyProblem = await emptyKey.ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["$.correlationKey", "$.idempotencyKey"], emptyProblem.ErrorFields().Order(StringComparer.Ordinal));
        Assert.Equal("'correlationKey' must not be empty; leave it out instead.", emptyProblem.ErrorAt("$.correlationKey"));
        var twoKeysProblem = await twoKeys.ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["$.idempotencyKey"], twoKeysProblem.ErrorFields());
        Assert.All([missingProblem, emptyProblem, twoKeysProblem], PlainProblems.AssertPlain);
        Assert.Equal(0, await QueryAsync(db => db.BufferedEvents.CountAsync(e => e.CorrelationKey == key, Cancel)));
        Assert.Equal(0, await QueryAsync(db => db.EventReceipts.CountAsync(e => e.IdempotencyKey == key, Cancel)));
    }

    [Theory]
    [InlineData("/api/events", """{"eventName": "PayerDecision", "correlationKey": "k-dup", "payload": {"approved": true, "approved": false}}""", "$.payload")]
    [InlineData("/api/events", """{"eventName": "PayerDecision", "correlationKey": "k-dup",}""", "$")]
    [InlineData("/api/bookmarks/b/resume", """{"input": {"outcome": "Approved", "outcome": "Rejected"}}""", "$.input")]
    [InlineData("/api/bookmarks/b/resume", """{"input": }""", "$.input")]
    public async Task A_malformed_body_is_400_naming_the_json_path_and_stores_nothing(string url, string body, string jsonPath)
    {
        var client = await App.ClientAsync(Roles.Admin);

        var response = await client.PostRawAsync(url, body);

        Assert.StartsWith(jsonPath, (await response.ProblemAsync(HttpStatusCode.BadRequest))["jsonPath"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(0, await QueryAsync(db => db.BufferedEvents.CountAsync(e => e.CorrelationKey == "k-dup", Cancel)));
    }

    [Fact]
    public async Task An_idempotency_key_header_that_is_blank_is_422_keyed_by_the_header_name()
    {
        var client = await App.ClientAsync(Roles.Admin);
        var key = NewKey();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/events")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { eventName = "PayerDecision", correlationKey = key }),
        };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", " ");

        var problem = await (await client.SendAsync(request, Cancel)).ProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Equal(["Idempotency-Key"], problem.ErrorFields());
        Assert.Equal("'Idempotency-Key' must not be empty; leave it out instead.", problem.ErrorAt("Idempotency-Key"));
        Assert.Equal(0, await QueryAsync(db => db.BufferedEvents.CountAsync(e => e.CorrelationKey == key, Cancel)));
    }

    [Theory]
    [InlineData("null", "$", "A JSON body is required.")]
    [InlineData("[]", "$", "The body must be a JSON object.")]
    [InlineData("""{"eventName": ["PayerDecision"]}""", "$.eventName", "'eventName' must be a string, given once.")]
    [InlineData("""{"eventName": "PayerDecision", "correlationKey": 7}""", "$.correlationKey", "'correlationKey' must be a string, given once.")]
    public async Task An_event_body_of_the_wrong_shape_or_none_is_400_naming_the_json_path_in_plain_words(string body, string jsonPath, string message)
    {
        var client = await App.ClientAsync(Roles.Admin);

        var problem = await (await client.PostRawAsync("/api/events", body)).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(jsonPath, problem["jsonPath"]!.GetValue<string>());
        Assert.Equal(message, problem.ErrorAt(jsonPath));
        PlainProblems.AssertPlain(problem);
    }

    [Fact]
    public async Task A_body_over_the_size_limit_is_413_and_stores_nothing()
    {
        var client = await App.ClientAsync(Roles.Admin);
        var key = NewKey();
        var payload = new string('x', 5 * 1024 * 1024);

        var response = await client.PostRawAsync("/api/events", $$"""{"eventName":"PayerDecision","correlationKey":"{{key}}","payload":"{{payload}}"}""");

        await response.ProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(0, await QueryAsync(db => db.BufferedEvents.CountAsync(e => e.CorrelationKey == key, Cancel)));
    }

    [Fact]
    public async Task A_bookmark_resumes_once_by_id_and_a_second_resume_is_409_and_an_unknown_one_404_and_neither_changes_anything()
    {
        var client = await App.ClientAsync(Roles.Admin);
        var started = await client.StartInstanceAsync("test-wait-for-event", NewKey());
        var bookmarkId = Assert.Single((await client.GetInstanceAsync(started.Id)).Bookmarks).Id;

        var first = await client.PostJsonAsync($"/api/bookmarks/{bookmarkId}/resume", new { input = new { approved = true } });
        var resumed = await first.ReadAsync<InstanceSnapshotResponse>(HttpStatusCode.OK);
        var before = await InstanceAsync(started.Id);
        var second = await client.PostJsonAsync($"/api/bookmarks/{bookmarkId}/resume", new { input = new { approved = false } });
        var unknown = await client.PostAsync("/api/bookmarks/no-such-bookmark/resume", content: null, Cancel);

        Assert.Equal((started.Id, WorkflowSubStatus.Finished, 0), (resumed.Id, resumed.SubStatus, resumed.OpenBookmarks));
        Assert.Contains(bookmarkId, (await second.ProblemAsync(HttpStatusCode.Conflict))["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        await unknown.ProblemAsync(HttpStatusCode.NotFound);
        var after = await InstanceAsync(started.Id);
        Assert.Equal((before!.Revision, before.State), (after!.Revision, after.State));
        Assert.Single(await JournalAsync(started.Id), j => j.ActivityId == "decided" && j.EventName == "Log");
    }

    [Fact]
    public async Task The_bookmark_an_open_task_waits_on_is_resumed_only_by_completing_the_task_whose_form_refuses_bad_input()
    {
        var client = await App.ClientAsync(Roles.Admin);
        var started = await client.StartInstanceAsync("test-human-task", NewKey());
        var bookmark = Assert.Single((await client.GetInstanceAsync(started.Id)).Bookmarks);
        var task = await QueryAsync(db => db.Tasks.Where(t => t.InstanceId == started.Id).Select(t => t.Id).SingleAsync(Cancel));
        var before = await InstanceAsync(started.Id);

        var direct = await client.PostJsonAsync($"/api/bookmarks/{bookmark.Id}/resume", new { input = new { outcome = "Approved" } });
        var refused = await client.PostJsonAsync($"/api/tasks/{task}/complete", new { outcome = "Maybe" });

        Assert.Contains($"POST /api/tasks/{task}/complete", (await direct.ProblemAsync(HttpStatusCode.Forbidden))["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var after = await InstanceAsync(started.Id);
        Assert.Equal((before!.Revision, before.State), (after!.Revision, after.State));

        var accepted = await client.PostJsonAsync($"/api/tasks/{task}/complete", new { outcome = "Rejected", data = new { note = "duplicate" } });
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(["rejected"], (await client.GetInstanceAsync(started.Id)).Log);
    }

    [Fact]
    public async Task Publishing_and_resuming_need_a_writer_role()
    {
        var auditor = await App.ClientAsync(Roles.Auditor);
        using var anonymous = App.CreateClient();
        var key = NewKey();
        var started = await (await App.ClientAsync(Roles.Admin)).StartInstanceAsync("test-wait-for-event", key);
        var bookmarkId = Assert.Single((await auditor.GetInstanceAsync(started.Id)).Bookmarks).Id;

        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.PostJsonAsync("/api/events", new { eventName = "PayerDecision", correlationKey = key })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.PostJsonAsync($"/api/bookmarks/{bookmarkId}/resume", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostJsonAsync("/api/events", new { eventName = "PayerDecision", correlationKey = key })).StatusCode);
        Assert.Equal("Suspended", (await InstanceAsync(started.Id))!.SubStatus);
        Assert.Equal(0, await QueryAsync(db => db.BufferedEvents.CountAsync(e => e.CorrelationKey == key, Cancel)));
    }
}

public sealed class SqliteEventsEndpointsTests(SqliteApp app) : EventsEndpointsTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresEventsEndpointsTests(PostgresApp app) : EventsEndpointsTests(app), IClassFixture<PostgresApp>;

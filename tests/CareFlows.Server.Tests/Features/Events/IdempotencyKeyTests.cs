using System.Net;
using CareFlows.Server.Auth;
using CareFlows.Server.Features.Events.PublishEvent;
using CareFlows.Server.Runtime;
using CareFlows.Server.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CareFlows.Server.Tests.Features.Events;

/// <summary>
/// An idempotency key names one request: the same request again is a duplicate, applied once; a different event,
/// correlation key or payload under a used key is refused with 409 and applies nothing.
/// </summary>
public abstract class IdempotencyKeyTests(CareFlowsApp app) : AppTests(app)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_key_first_used_for_one_event_refuses_a_different_event_and_applies_nothing()
    {
        var client = await App.ClientAsync(Roles.Admin);
        var key = NewKey();
        var waiting = await client.StartInstanceAsync("test-two-events", key);
        var idempotencyKey = NewKey();

        var first = await client.PostJsonAsync("/api/events", new { eventName = "Referred", correlationKey = key, idempotencyKey });
        var other = await client.PostJsonAsync("/api/events", new { eventName = "Scheduled", correlationKey = key, idempotencyKey });

        Assert.Equal(EventDisposition.Delivered, (await first.ReadAsync<PublishEventResponse>(HttpStatusCode.OK)).Disposition);
        var problem = await other.ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("event 'Referred', not 'Scheduled'", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("Suspended", (await client.GetInstanceAsync(waiting.Id)).SubStatus);
        Assert.Equal(0, await QueryAsync(db => db.BufferedEvents.CountAsync(e => e.CorrelationKey == key, Cancel)));
    }

    [Fact]
    public async Task A_key_used_again_with_another_correlation_key_or_payload_is_refused()
    {
        var client = await App.ClientAsync(Roles.Admin);
        var key = NewKey();
        var idempotencyKey = NewKey();
        await (await client.PostJsonAsync("/api/events", new { eventName = "PayerDecision", correlationKey = key, idempotencyKey, payload = new { approved = true } }))
            .ReadAsync<PublishEventResponse>(HttpStatusCode.OK);

        var otherKey = await client.PostJsonAsync("/api/events", new { eventName = "PayerDecision", correlationKey = NewKey(), idempotencyKey, payload = new { approved = true } });
        var otherPayload = await client.PostJsonAsync("/api/events", new { eventName = "PayerDecision", correlationKey = key, idempotencyKey, payload = new { approved = false } });
        var noKey = await client.PostJsonAsync("/api/events", new { eventName = "PayerDecision", idempotencyKey, payload = new { approved = true } });

        Assert.Contains($"correlation key '{key}'", (await otherKey.ProblemAsync(HttpStatusCode.Conflict))["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("a different payload", (await otherPayload.ProblemAsync(HttpStatusCode.Conflict))["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("not none", (await noKey.ProblemAsync(HttpStatusCode.Conflict))["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(1, await QueryAsync(db => db.BufferedEvents.CountAsync(e => e.IdempotencyKey == idempotencyKey, Cancel)));
    }

    [Fact]
    public async Task The_same_request_again_is_a_duplicate_whatever_the_order_of_its_payload_members()
    {
        var client = await App.ClientAsync(Roles.Admin);
        var key = NewKey();
        var started = await client.StartInstanceAsync("test-tick-loop", key);
        var idempotencyKey = NewKey();

        var first = await client.PostRawAsync("/api/events", $$$"""{"eventName": "Tick", "correlationKey": "{{{key}}}", "idempotencyKey": "{{{idempotencyKey}}}", "payload": {"a": 1, "b": [true, null]}}""");
        var again = await client.PostRawAsync("/api/events", $$$"""{"payload": {"b": [true, null], "a": 1}, "idempotencyKey": "{{{idempotencyKey}}}", "eventName": "Tick", "correlationKey": "{{{key}}}"}""");

        Assert.Equal(EventDisposition.Delivered, (await first.ReadAsync<PublishEventResponse>(HttpStatusCode.OK)).Disposition);
        Assert.Equal(EventDisposition.Duplicate, (await again.ReadAsync<PublishEventResponse>(HttpStatusCode.OK)).Disposition);
        Assert.Equal(1, (await client.GetInstanceAsync(started.Id)).Variables["Count"]!.GetValue<int>());
    }

    [Fact]
    public async Task Two_different_events_racing_under_one_key_apply_one_and_refuse_the_other()
    {
        var key = NewKey();
        var idempotencyKey = NewKey();
        var started = await Runtime.StartAsync("test-tick-loop", null, new Engine.Execution.StartRequest { CorrelationId = key }, Cancel);

        var attempts = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Task.Run(async () =>
        {
            try
            {
                return (await Runtime.PublishEventAsync("Tick", key, System.Text.Json.Nodes.JsonNode.Parse($$"""{"n": {{i % 2}}}"""), idempotencyKey, Cancel)).Disposition.ToString();
            }
            catch (IdempotencyConflictException)
            {
                return "Conflict";
            }
        }, Cancel)));

        Assert.Equal(1, attempts.Count(a => a == nameof(EventDisposition.Delivered)));
        Assert.Equal(10, attempts.Count(a => a is nameof(EventDisposition.Delivered) or nameof(EventDisposition.Duplicate) or "Conflict"));
        Assert.Equal(5, attempts.Count(a => a == "Conflict"));
        Assert.Equal(1, System.Text.Json.Nodes.JsonNode.Parse((await InstanceAsync(started.Id))!.State)!["variables"]!["Count"]!.GetValue<int>());
    }
}

public sealed class SqliteIdempotencyKeyTests(SqliteApp app) : IdempotencyKeyTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresIdempotencyKeyTests(PostgresApp app) : IdempotencyKeyTests(app), IClassFixture<PostgresApp>;

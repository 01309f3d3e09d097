using System.Text.Json.Nodes;
using CareFlows.Engine.Execution;
using CareFlows.Server.Audit;
using CareFlows.Server.Persistence.Entities;

namespace CareFlows.Server.Runtime.Work;

/// <summary>
/// Publishes an event: it resumes every instance waiting for it and starts the instances its Event triggers start;
/// with nobody waiting it is buffered, unless it was published to be dropped then. Its idempotency key, if any, is
/// recorded with what it was used for.
/// </summary>
internal sealed class EventWork(string eventName, string? correlationKey, JsonNode? payload, string? idempotencyKey, UnheardEvents unheard) : WorkItem<EventOutcome>
{
    private EventKey Key => new(eventName, correlationKey);

    public override void Plan(SnapshotPlan plan)
    {
        if (idempotencyKey is not null)
        {
            plan.Receipt(idempotencyKey);
        }

        // An event without a key may reach any number of instances, which are read as it reaches them.
        if (!Key.IsUnkeyed)
        {
            plan.Waiters(Key);
        }
    }

    public override async Task RunAsync(BurstScope scope)
    {
        var payloadHash = idempotencyKey is null ? null : CanonicalJson.Hash(payload);
        if (idempotencyKey is not null && await scope.ReceiptAsync(idempotencyKey) is { } receipt)
        {
            IdempotencyConflictException.ThrowIfDifferent(idempotencyKey, receipt, eventName, correlationKey, payloadHash);
            Staged = new EventOutcome(EventDisposition.Duplicate, [], []);
            return;
        }

        var resumed = await scope.DeliverAsync(Key, payload, onlyInstanceId: null);
        var started = new List<string>();
        foreach (var trigger in scope.Runtime.Catalog.EventTriggers(eventName).ToList())
        {
            // The triggers this node knows may lag a retire on another node; the read set makes it certain.
            if (!await scope.IsPublishedAsync(trigger.Workflow.DefinitionVersionId))
            {
                continue;
            }

            var request = new StartRequest { TriggerActivityId = trigger.Trigger.ActivityId, TriggerInput = payload?.DeepClone(), CorrelationId = correlationKey };
            started.Add((await scope.StartAsync(trigger.Workflow, request)).Id);
        }

        var delivered = resumed.Count + started.Count;
        var now = scope.Runtime.Clock.GetUtcNow().UtcDateTime;
        var buffer = delivered == 0 && unheard == UnheardEvents.Buffer;
        if (buffer)
        {
            await scope.RequireNoWaitersAsync(Key);
            var buffered = new BufferedEventRecord
            {
                Id = scope.Runtime.NewId(),
                EventName = eventName,
                CorrelationKey = correlationKey,
                Payload = payload?.ToJsonString(),
                IdempotencyKey = idempotencyKey,
                ReceivedAt = now,
                ExpiresAt = now + scope.Runtime.Options.EventBufferTimeToLive,
            };
            scope.Changes.BufferedInserts[buffered.Id] = buffered;
        }

        if (idempotencyKey is not null)
        {
            scope.Changes.Receipts[idempotencyKey] = new EventReceiptRecord
            {
                IdempotencyKey = idempotencyKey,
                EventName = eventName,
                CorrelationKey = correlationKey,
                PayloadHash = payloadHash,
                ReceivedAt = now,
                Delivered = delivered,
                Buffered = buffer,
            };
        }

        var disposition = delivered > 0 ? EventDisposition.Delivered : buffer ? EventDisposition.Buffered : EventDisposition.Unheard;
        Audit(scope, new AuditChange("event.publish", AuditActions.Execute, "event", eventName)
        {
            // The payload may carry patient data; the record keeps what the event did, not what it said.
            After = new JsonObject
            {
                ["correlationKey"] = correlationKey,
                ["idempotencyKey"] = idempotencyKey,
                ["disposition"] = disposition.ToString(),
                ["resumed"] = new JsonArray([.. resumed.Select(id => (JsonNode?)id)]),
                ["started"] = new JsonArray([.. started.Select(id => (JsonNode?)id)]),
            },
        });
        Staged = new EventOutcome(disposition, resumed, started);
    }
}

using CareFlows.Engine.Definitions.Serialization;
using CareFlows.Engine.Execution;
using CareFlows.Server.Features.Definitions;
using CareFlows.Server.Runtime;
using CareFlows.Server.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareFlows.Server.Tests.Runtime;

/// <summary>Requests prepared side by side must neither refuse each other needlessly nor slip past what another committed.</summary>
public abstract class PipelineRaceTests(CareFlowsApp app) : AppTests(app)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_event_without_a_correlation_key_is_applied_while_instances_keep_reaching_its_wait_point()
    {
        var eventName = $"Broadcast-{NewKey()}";
        var definitionId = await PublishAsync(eventName, trigger: false);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        var loops = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await Runtime.StartAsync(definitionId, null, new StartRequest(), Cancel);
            }
        }, Cancel)).ToList();
        try
        {
            while (await QueryAsync(db => db.Instances.CountAsync(i => i.DefinitionId == definitionId, Cancel)) < 20)
            {
                await Task.Delay(20, Cancel);
            }

            var outcomes = new List<EventOutcome>();
            for (var i = 0; i < 3; i++)
            {
                outcomes.Add(await Runtime.PublishEventAsync(eventName, null, null, null, Cancel));
            }

            Assert.All(outcomes, o => Assert.Equal(EventDisposition.Delivered, o.Disposition));
            Assert.All(outcomes, o => Assert.NotEmpty(o.Resumed));
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAll(loops);
        }
    }

    [Fact]
    public async Task An_event_trigger_starts_nothing_for_a_version_retired_where_this_node_has_not_heard_of_it_yet()
    {
        var eventName = $"Referral-{NewKey()}";
        var definitionId = await PublishAsync(eventName, trigger: true);
        Assert.Single((await Runtime.PublishEventAsync(eventName, null, null, null, Cancel)).Started);

        // Retired by another node: the row changes, this node's triggers do not (yet).
        await QueryAsync(db => db.Definitions.Where(d => d.DefinitionId == definitionId).ExecuteUpdateAsync(u => u.SetProperty(d => d.IsPublished, false), Cancel));
        var outcome = await Runtime.PublishEventAsync(eventName, null, null, null, Cancel);

        Assert.Empty(outcome.Started);
        Assert.Equal(EventDisposition.Buffered, outcome.Disposition);
        Assert.Equal(1, await QueryAsync(db => db.Instances.CountAsync(i => i.DefinitionId == definitionId, Cancel)));
    }

    /// <summary>Start → Event(name) → End; the event either waits (no key) or, as a trigger, starts the instance.</summary>
    private async Task<string> PublishAsync(string eventName, bool trigger)
    {
        var definitionId = $"race-{NewKey()[..12]}";
        var json = """
            {"definitionId": "DEFINITION", "name": "Waits for EVENT",
             "root": {"id": "flowchart", "type": "Elsa.Flowchart",
              "activities": [
                {"id": "start", "type": "Elsa.Start", "version": 1},
                {"id": "wait", "type": "Elsa.Event", "version": 1, "customProperties": {"canStartWorkflow": TRIGGER},
                 "eventName": {"typeName": "String", "expression": {"type": "Literal", "value": "EVENT"}}},
                {"id": "end", "type": "Elsa.End", "version": 1}],
              "connections": [
                {"source": {"activity": "start", "port": "Done"}, "target": {"activity": "wait", "port": "In"}},
                {"source": {"activity": "wait", "port": "Done"}, "target": {"activity": "end", "port": "In"}}]}}
            """.Replace("DEFINITION", definitionId, StringComparison.Ordinal).Replace("EVENT", eventName, StringComparison.Ordinal)
            .Replace("TRIGGER", trigger ? "true" : "false", StringComparison.Ordinal);
        await using var scope = App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DefinitionStore>().ImportAsync(WorkflowDefinitionReader.Read(json), publish: true, editor: DefinitionEditor.System, Cancel);
        return definitionId;
    }
}

public sealed class SqlitePipelineRaceTests(SqliteApp app) : PipelineRaceTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresPipelineRaceTests(PostgresApp app) : PipelineRaceTests(app), IClassFixture<PostgresApp>
{
    [Fact]
    public async Task A_request_the_database_refuses_fails_alone_not_with_the_requests_read_beside_it()
    {
        var ct = TestContext.Current.CancellationToken;

        // PostgreSQL refuses the NUL character in text; the API refuses it earlier, the runtime here is called directly.
        var good = Enumerable.Range(0, 60).Select(_ => Task.Run(() => Runtime.PublishEventAsync("Unwatched", NewKey(), null, null, ct), ct));
        var bad = Enumerable.Range(0, 6).Select(i => Task.Run(() => Runtime.PublishEventAsync("Unwatched", $"bad\u0000{i}", null, null, ct), ct));
        var all = good.Concat(bad).ToList();
        await Task.WhenAll(all.Select(t => t.ContinueWith(_ => { }, ct, TaskContinuationOptions.None, TaskScheduler.Default)));

        Assert.Equal(60, all.Count(t => t.IsCompletedSuccessfully && t.Result.Disposition == EventDisposition.Buffered));
        Assert.Equal(6, all.Count(t => t.IsFaulted));
    }
}

using System.Text.Json.Nodes;
using CareFlows.Engine.Activities;
using CareFlows.Engine.Definitions.Serialization;
using CareFlows.Engine.Execution;
using CareFlows.Server.Features.Definitions;
using CareFlows.Server.Runtime;
using CareFlows.Server.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareFlows.Server.Tests.Runtime;

/// <summary>
/// A burst's engine work (scripts included) runs outside the writer: one instance held mid-burst holds up no other.
/// The held burst is a test activity that waits for the test to open its gate, so nothing here depends on timing.
/// </summary>
public abstract class SlowBurstTests(CareFlowsApp app) : AppTests(app)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Other_instances_start_wait_resume_and_finish_while_one_burst_is_held()
    {
        await PublishAsync("test-block", """
            {"id": "start", "type": "Elsa.Start", "version": 1},
            {"id": "block", "type": "Test.Block", "version": 1},
            {"id": "after", "type": "Elsa.WriteLine", "version": 1, "text": {"typeName": "String", "expression": {"type": "Literal", "value": "released"}}}
            """, """
            {"source": {"activity": "start", "port": "Done"}, "target": {"activity": "block", "port": "In"}},
            {"source": {"activity": "block", "port": "Done"}, "target": {"activity": "after", "port": "In"}}
            """);
        var heldKey = NewKey();
        var gate = BlockingActivity.For(heldKey);

        // As its own request would be: a burst runs on the thread of the request that starts it.
        var held = Task.Run(() => Runtime.StartAsync("test-block", null, new StartRequest { CorrelationId = heldKey }, Cancel), Cancel);
        Assert.True(await gate.Entered.WaitAsync(Patience, Cancel), "The held instance's burst never reached the gate.");

        var keys = Enumerable.Range(0, 20).Select(_ => NewKey()).ToList();
        var started = await Task.WhenAll(keys.Select(k => Runtime.StartAsync("test-wait-for-event", null, new StartRequest { CorrelationId = k }, Cancel))).WaitAsync(Patience, Cancel);
        var events = await Task.WhenAll(keys.Select(k => Runtime.PublishEventAsync("PayerDecision", k, null, k, Cancel))).WaitAsync(Patience, Cancel);

        Assert.All(events, e => Assert.Equal(EventDisposition.Delivered, e.Disposition));
        foreach (var instance in started)
        {
            Assert.Equal("Finished", (await InstanceAsync(instance.Id))!.SubStatus);
        }

        Assert.False(held.IsCompleted, "The held burst finished before its gate opened.");
        Assert.Equal(0, await QueryAsync(db => db.Instances.CountAsync(i => i.CorrelationId == heldKey, Cancel)));

        gate.Opened.Set();
        var finished = await held.WaitAsync(Patience, Cancel);
        Assert.Equal(WorkflowSubStatus.Finished, finished.SubStatus);
        Assert.Contains(await JournalAsync(finished.Id), j => j.ActivityId == "after" && j.Message == "released");
    }

    [Fact]
    public async Task A_backtracking_regular_expression_faults_its_instance_at_the_regex_limit()
    {
        await PublishAsync("test-regex", """
            {"id": "start", "type": "Elsa.Start", "version": 1},
            {"id": "match", "type": "Elsa.SetVariable", "version": 1, "variable": {"id": "matched", "name": "Matched"},
             "value": {"typeName": "Object", "expression": {"type": "JavaScript", "value": "/^(a+)+$/.test('aaaaaaaaaaaaaaaaaaaaaaaaaaaab')"}}}
            """, """
            {"source": {"activity": "start", "port": "Done"}, "target": {"activity": "match", "port": "In"}}
            """, variables: """[{"id": "matched", "name": "Matched", "typeName": "Boolean"}]""");

        var started = await Runtime.StartAsync("test-regex", null, new StartRequest { CorrelationId = NewKey() }, Cancel);

        Assert.Equal(WorkflowSubStatus.Faulted, started.SubStatus);
        var state = JsonNode.Parse((await InstanceAsync(started.Id))!.State)!;
        Assert.Contains("regular expression in the script ran longer than 100 ms", state["incidents"]![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private async Task PublishAsync(string definitionId, string activities, string connections, string variables = "[]")
    {
        var json = $$$"""
            {"definitionId": "{{{definitionId}}}", "name": "{{{definitionId}}}", "variables": {{{variables}}},
             "root": {"id": "flowchart", "type": "Elsa.Flowchart", "activities": [{{{activities}}}], "connections": [{{{connections}}}]}}
            """;
        await using var scope = App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DefinitionStore>().ImportAsync(WorkflowDefinitionReader.Read(json), publish: true, editor: DefinitionEditor.System, Cancel);
    }
}

public sealed class SqliteSlowBurstTests(SqliteSlowBurstTests.Host app) : SlowBurstTests(app), IClassFixture<SqliteSlowBurstTests.Host>
{
    public sealed class Host : SqliteApp
    {
        protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton(WithBlockingActivity());
    }

    internal static ActivityRegistry WithBlockingActivity() => new([.. ActivityRegistry.BuiltInActivityTypes, typeof(BlockingActivity)]);
}

public sealed class PostgresSlowBurstTests(PostgresSlowBurstTests.Host app) : SlowBurstTests(app), IClassFixture<PostgresSlowBurstTests.Host>
{
    public sealed class Host : PostgresApp
    {
        protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton(SqliteSlowBurstTests.WithBlockingActivity());
    }
}

using CareFlows.Engine.Definitions.Serialization;
using CareFlows.Server.Features.Definitions;
using CareFlows.Server.Persistence;
using CareFlows.Server.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using Quartz.Impl.Matchers;

namespace CareFlows.Server.Tests.Scheduling;

/// <summary>
/// Two nodes on one PostgreSQL database both arm every published timer trigger; each occurrence must still start exactly
/// one instance, and a publish or retire on one node must reach the other's triggers within seconds.
/// </summary>
public sealed class TwoNodeTriggerTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Each_occurrence_starts_one_instance_across_a_rolling_restart_and_a_retire_reaches_both_nodes()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        var first = database.StartHost();
        _ = first.Server;
        var second = database.StartHost();
        _ = second.Server;
        try
        {
            var definitionId = $"every-second-{Guid.NewGuid():N}";
            string versionId;
            await using (var scope = first.Services.CreateAsyncScope())
            {
                var store = scope.ServiceProvider.GetRequiredService<DefinitionStore>();
                versionId = (await store.ImportAsync(WorkflowDefinitionReader.Read(EverySecond(definitionId)), publish: true, editor: DefinitionEditor.System, Cancel)).Record.Id;
            }

            // The second node learns of the publish by itself, and both nodes fire every occurrence from then on.
            await Eventually(async () => (await ArmedAsync(second, versionId)) == 1, "the second node never armed the published trigger");
            await WaitForInstancesAsync(first, definitionId, 3);

            // A rolling deploy restarts the second node, which arms the trigger again at start-up.
            await second.DisposeAsync();
            second = database.StartHost();
            _ = second.Server;
            Assert.Equal(1, await ArmedAsync(second, versionId));
            var beforeRestart = await CountAsync(first, definitionId);
            await WaitForInstancesAsync(first, definitionId, beforeRestart + 4);

            await using (var scope = first.Services.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<DefinitionStore>().RetireAsync(definitionId, DefinitionEditor.System, Cancel);
            }

            Assert.Equal(0, await ArmedAsync(first, versionId));
            await Eventually(async () => (await ArmedAsync(second, versionId)) == 0, "the second node kept the retired trigger armed");
            var atRetire = await CountAsync(first, definitionId);
            await Task.Delay(TimeSpan.FromSeconds(3), Cancel);
            Assert.Equal(atRetire, await CountAsync(first, definitionId));

            var occurrences = await first.QueryAsync(db => db.TriggerOccurrences.Where(o => o.DefinitionVersionId == versionId).ToListAsync(Cancel));
            var instances = await first.QueryAsync(db => db.Instances.Where(i => i.DefinitionId == definitionId).Select(i => i.Id).ToListAsync(Cancel));
            Assert.Equal(instances.Order(), occurrences.Select(o => o.InstanceId).Order());
            Assert.Equal(occurrences.Count, occurrences.Select(o => o.OccursAt).Distinct().Count());
            Assert.All(occurrences, o => Assert.Equal(0, o.OccursAt.Ticks % TimeSpan.TicksPerMillisecond));
        }
        finally
        {
            await second.DisposeAsync();
            await first.DisposeAsync();
        }
    }

    private static string EverySecond(string definitionId) => $$$$"""
        {
          "definitionId": "{{{{definitionId}}}}",
          "name": "Every second",
          "root": {
            "id": "flowchart", "type": "Elsa.Flowchart",
            "activities": [
              {"id": "timer", "type": "Elsa.Timer", "version": 1, "customProperties": {"canStartWorkflow": true},
               "interval": {"typeName": "TimeSpan", "expression": {"type": "Literal", "value": "00:00:01"}}},
              {"id": "say", "type": "Elsa.WriteLine", "version": 1, "text": {"typeName": "String", "expression": {"type": "Literal", "value": "tick"}}}
            ],
            "connections": [{"source": {"activity": "timer", "port": "Done"}, "target": {"activity": "say", "port": "In"}}]
          }
        }
        """;

    private static async Task<int> ArmedAsync(CareFlowsApp node, string versionId)
    {
        var scheduler = await node.Get<ISchedulerFactory>().GetScheduler(Cancel);
        var keys = await scheduler.GetTriggerKeys(GroupMatcher<TriggerKey>.GroupEquals("triggers"), Cancel);
        return keys.Count(k => k.Name.StartsWith(versionId + ":", StringComparison.Ordinal));
    }

    private static Task<int> CountAsync(CareFlowsApp node, string definitionId) =>
        node.QueryAsync(db => db.Instances.CountAsync(i => i.DefinitionId == definitionId, Cancel));

    private static Task WaitForInstancesAsync(CareFlowsApp node, string definitionId, int count) =>
        Eventually(async () => await CountAsync(node, definitionId) >= count, $"fewer than {count} instances were started");

    private static async Task Eventually(Func<Task<bool>> condition, string failure)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!await condition())
        {
            Assert.False(timeout.IsCancellationRequested, failure);
            await Task.Delay(100, Cancel);
        }
    }
}

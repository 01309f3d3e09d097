using System.Net;
using CareFlows.Engine.Execution;
using CareFlows.Server.Tests.TestSupport;

namespace CareFlows.Server.Tests.Features.Definitions;

public abstract class DefinitionVersionPinningTests(CareFlowsApp app) : DefinitionApiTests(app)
{
    [Fact]
    public async Task A_running_instance_keeps_its_version_after_a_new_version_is_published_and_still_resumes()
    {
        var id = UniqueId("pinned");
        var eventName = UniqueId("Go");
        using var client = await LeadAsync();
        await ImportAsync(client, DefinitionJson.WaitingForEvent(id, eventName, "version one"), publish: true);
        var key = NewKey();
        var started = await Runtime.StartAsync(id, null, new StartRequest { CorrelationId = key }, Cancel);
        Assert.Equal(WorkflowSubStatus.Suspended, started.SubStatus);

        await PutAsync(client, id, DefinitionJson.WaitingForEvent(id, eventName, "version two"));
        await PostAsync(client, $"/api/definitions/{id}/publish", null, HttpStatusCode.OK);
        var outcome = await Runtime.PublishEventAsync(eventName, key, null, null, Cancel);

        Assert.Equal([started.Id], outcome.Resumed);
        var instance = await InstanceAsync(started.Id);
        Assert.Equal((1, "Finished"), (instance!.DefinitionVersion, instance.SubStatus));
        Assert.Contains(await JournalAsync(started.Id), j => j.ActivityId == "say" && j.Message == "version one");
        var next = await Runtime.StartAsync(id, null, new StartRequest { CorrelationId = NewKey() }, Cancel);
        Assert.Equal(2, (await InstanceAsync(next.Id))!.DefinitionVersion);
    }
}

public sealed class SqliteDefinitionVersionPinningTests(SqliteApp app) : DefinitionVersionPinningTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresDefinitionVersionPinningTests(PostgresApp app) : DefinitionVersionPinningTests(app), IClassFixture<PostgresApp>;

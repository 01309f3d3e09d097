using System.Net;
using System.Text.Json.Nodes;
using CareFlows.Engine.Definitions.Serialization;
using CareFlows.Engine.Execution;
using CareFlows.Server.Auth;
using CareFlows.Server.Features.Definitions;
using CareFlows.Server.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using Quartz.Impl.Matchers;

namespace CareFlows.Server.Tests.Features.Definitions;

/// <summary>Only the published version starts; retiring stops new instances and disarms triggers; unused definitions can be deleted.</summary>
public abstract class RetireDefinitionTests(CareFlowsApp app) : DefinitionApiTests(app)
{
    [Fact]
    public async Task A_version_that_is_no_longer_published_does_not_start()
    {
        var id = UniqueId("superseded");
        using var lead = await LeadAsync();
        await ImportAsync(lead, DefinitionJson.Valid(id, "one"), publish: true);
        await ImportAsync(lead, DefinitionJson.Valid(id, "two"), publish: true);
        var client = await App.ClientAsync(Roles.Coordinator);

        var first = await client.PostJsonAsync("/api/instances", new { definitionId = id, version = 1 });
        var latest = await client.PostJsonAsync("/api/instances", new { definitionId = id });

        Assert.Contains("only the published version, 2", (await first.ProblemAsync(HttpStatusCode.Conflict))["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(2, (await latest.ReadAsync<Server.Features.Instances.InstanceSnapshotResponse>(HttpStatusCode.Created)).Version);
    }

    [Fact]
    public async Task A_retired_definition_starts_nothing_while_its_running_instances_finish_on_it()
    {
        var id = UniqueId("retired");
        var eventName = UniqueId("Go");
        using var lead = await LeadAsync();
        await ImportAsync(lead, DefinitionJson.WaitingForEvent(id, eventName, "finished after retirement"), publish: true);
        var key = NewKey();
        var running = await Runtime.StartAsync(id, null, new StartRequest { CorrelationId = key }, Cancel);

        var retired = (await PostAsync(lead, $"/api/definitions/{id}/retire", null, HttpStatusCode.OK))!;
        var client = await App.ClientAsync(Roles.Coordinator);
        var start = await client.PostJsonAsync("/api/instances", new { definitionId = id });
        var outcome = await Runtime.PublishEventAsync(eventName, key, null, null, Cancel);

        Assert.Equal(("Retired", false), (retired["status"]!.GetValue<string>(), retired["isPublished"]!.GetValue<bool>()));
        Assert.Contains("no published version", (await start.ProblemAsync(HttpStatusCode.Conflict))["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal([running.Id], outcome.Resumed);
        Assert.Equal("Finished", (await InstanceAsync(running.Id))!.SubStatus);
        await PostAsync(lead, $"/api/definitions/{id}/retire", null, HttpStatusCode.Conflict);
        Assert.Equal(["Retired"], (await GetAsync(lead, $"/api/definitions/{id}/versions")).AsArray().Select(v => v!["status"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Retiring_disarms_the_timer_trigger_at_once_and_a_restart_import_keeps_it_retired()
    {
        var definition = WorkflowDefinitionReader.Read(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "ElsaCompat", "timer-workflow.json"), Cancel));
        definition.DefinitionId = UniqueId("timer");
        definition.Id = null;
        using var lead = await LeadAsync();
        await ImportAsync(lead, JsonNode.Parse(WorkflowDefinitionWriter.WriteString(definition))!, publish: true);
        var versionId = (await VersionsAsync(definition.DefinitionId)).Single().Id;
        Assert.Single(await ArmedTriggersAsync(versionId));

        await PostAsync(lead, $"/api/definitions/{definition.DefinitionId}/retire", null, HttpStatusCode.OK);
        Assert.Empty(await ArmedTriggersAsync(versionId));

        await using (var scope = App.Services.CreateAsyncScope())
        {
            var imported = await scope.ServiceProvider.GetRequiredService<DefinitionStore>().ImportFileAsync(definition, Cancel);
            Assert.False(imported.Created);
        }

        Assert.False((await VersionsAsync(definition.DefinitionId)).Single().IsPublished);
        Assert.Empty(await ArmedTriggersAsync(versionId));
    }

    [Fact]
    public async Task A_definition_without_instances_can_be_deleted_once_it_is_not_published()
    {
        var unused = UniqueId("unused");
        var used = UniqueId("used");
        using var lead = await LeadAsync();
        await ImportAsync(lead, DefinitionJson.Valid(unused), publish: true);
        await ImportAsync(lead, DefinitionJson.Valid(used), publish: true);
        await Runtime.StartAsync(used, null, new StartRequest(), Cancel);

        await SendAsync(lead, HttpMethod.Delete, $"/api/definitions/{unused}", null, HttpStatusCode.Conflict);
        await PostAsync(lead, $"/api/definitions/{unused}/retire", null, HttpStatusCode.OK);
        await PostAsync(lead, $"/api/definitions/{used}/retire", null, HttpStatusCode.OK);
        await SendAsync(lead, HttpMethod.Delete, $"/api/definitions/{unused}", null, HttpStatusCode.NoContent);
        var refused = await SendAsync(lead, HttpMethod.Delete, $"/api/definitions/{used}", null, HttpStatusCode.Conflict);
        await SendAsync(lead, HttpMethod.Delete, $"/api/definitions/{unused}", null, HttpStatusCode.NotFound);

        Assert.Empty(await VersionsAsync(unused));
        Assert.Single(await VersionsAsync(used));
        Assert.Contains("1 instance", refused!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        var coordinator = await App.ClientAsync(Roles.Coordinator);
        Assert.Equal(HttpStatusCode.Forbidden, (await coordinator.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"/api/definitions/{used}"), Cancel)).StatusCode);
    }

    private async Task<IReadOnlyCollection<TriggerKey>> ArmedTriggersAsync(string versionId)
    {
        var scheduler = await App.Get<ISchedulerFactory>().GetScheduler(Cancel);
        var keys = await scheduler.GetTriggerKeys(GroupMatcher<TriggerKey>.GroupEquals("triggers"), Cancel);
        return [.. keys.Where(k => k.Name.StartsWith(versionId + ":", StringComparison.Ordinal))];
    }
}

public sealed class SqliteRetireDefinitionTests(SqliteApp app) : RetireDefinitionTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresRetireDefinitionTests(PostgresApp app) : RetireDefinitionTests(app), IClassFixture<PostgresApp>;

using System.Text.Json.Nodes;
using CareFlows.Engine.Execution;
using CareFlows.Server.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CareFlows.Server.Tests.Runtime;

/// <summary>Elsa.DispatchWorkflow on the durable runtime: the child starts in the parent's commit, and its end resumes the parent.</summary>
public abstract class ChildWorkflowTests(CareFlowsApp app) : AppTests(app)
{
    private async Task<(string Parent, string Child)> StartAsync(bool wait)
    {
        var parent = await Runtime.StartAsync("test-dispatch-parent", null, new StartRequest
        {
            CorrelationId = NewKey(),
            Input = new Dictionary<string, object?> { ["wait"] = wait },
        }, TestContext.Current.CancellationToken);
        var child = await QueryAsync(db => db.Instances.AsNoTracking().Where(i => i.DefinitionId == "test-dispatch-child" && i.CorrelationId == parent.CorrelationId).Select(i => i.Id).SingleAsync());
        return (parent.Id, child);
    }

    [Fact]
    public async Task The_child_starts_with_the_parent_and_its_end_resumes_the_parent_with_its_output()
    {
        var (parent, child) = await StartAsync(wait: true);
        Assert.Equal(("Suspended", "Suspended"), ((await InstanceAsync(parent))!.SubStatus, (await InstanceAsync(child))!.SubStatus));
        Assert.Equal(parent, JsonNode.Parse((await InstanceAsync(child))!.State)!["parentInstanceId"]!.GetValue<string>());

        await Runtime.PublishEventAsync("TestDecision", (await InstanceAsync(child))!.CorrelationId, null, null, TestContext.Current.CancellationToken);

        var resumed = JsonNode.Parse((await InstanceAsync(parent))!.State)!;
        Assert.Equal(("Finished", "authorization approved"), ((await InstanceAsync(parent))!.SubStatus, resumed["log"]!.AsArray()[^1]!.GetValue<string>()));
        Assert.Equal("MRI", resumed["variables"]!["Authorization"]!["closure"]!["service"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_workflow_that_dispatches_itself_without_end_is_refused_and_starts_nothing()
    {
        var before = await QueryAsync(db => db.Instances.CountAsync(i => i.DefinitionId == "test-dispatch-itself"));

        var refused = await Assert.ThrowsAsync<Server.Infrastructure.ConflictException>(() =>
            Runtime.StartAsync("test-dispatch-itself", null, new StartRequest(), TestContext.Current.CancellationToken));

        Assert.Contains("dispatches itself", refused.Message, StringComparison.Ordinal);
        Assert.Equal(before, await QueryAsync(db => db.Instances.CountAsync(i => i.DefinitionId == "test-dispatch-itself")));
    }

    [Fact]
    public async Task Nobody_may_publish_that_a_child_ended()
    {
        using var admin = await App.ClientAsync();

        using var response = await admin.PostJsonAsync("/api/events", new { eventName = "ChildWorkflowCompleted", correlationKey = "any-child", payload = new { output = new { closure = new { status = "approved" } } } });

        var problem = await response.ProblemAsync(System.Net.HttpStatusCode.UnprocessableEntity);
        Assert.Contains("$.eventName", problem["errors"]!.AsObject().Select(e => e.Key));
    }

    [Fact]
    public async Task A_child_that_ends_at_once_resumes_its_parent_in_the_same_commit()
    {
        var (parent, child) = await StartAsync(wait: false);

        Assert.Equal(("Finished", "Finished"), ((await InstanceAsync(parent))!.SubStatus, (await InstanceAsync(child))!.SubStatus));
        Assert.Equal(0, await QueryAsync(db => db.BufferedEvents.CountAsync(b => b.CorrelationKey == child)));
    }
}

public sealed class SqliteChildWorkflowTests(SqliteApp app) : ChildWorkflowTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresChildWorkflowTests(PostgresApp app) : ChildWorkflowTests(app), IClassFixture<PostgresApp>;

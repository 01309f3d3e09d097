using System.Net;
using System.Text.Json.Nodes;
using CareFlows.Engine.Execution;
using CareFlows.Server.Runtime;
using Microsoft.EntityFrameworkCore;

namespace CareFlows.Server.Tests.TestSupport;

/// <summary>
/// What the inbox's tests share: teams, signed-in coordinators, tasks started in a team's queue, and reading answers
/// (<c>using static</c> for <see cref="GetAsync"/> and <see cref="Text"/>).
/// </summary>
public static class InboxClients
{
    /// <summary>Data the inbox test pathway's form accepts.</summary>
    public static readonly object ValidData = new { reached = true, channel = "phone", painScore = 3, visitDate = "2026-12-01", concerns = new[] { "transport" } };

    public static async Task<string> NewTeamAsync(this CareFlowsApp app)
    {
        ArgumentNullException.ThrowIfNull(app);
        using var admin = await app.ClientAsync();
        return (await AdminApi.CreateTeamAsync(admin)).Id();
    }

    /// <summary>A client signed in, with a bearer token, as a user the admin API created.</summary>
    public static async Task<HttpClient> SignedInAsync(this CareFlowsApp app, JsonObject user)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.BearerClient((await SignIn.BearerAsync(app.CreateClient(), user.Email(), AdminApi.Password)).AccessToken);
    }

    /// <summary>A new coordinator in <paramref name="teams"/>, signed in.</summary>
    public static async Task<HttpClient> CoordinatorAsync(this CareFlowsApp app, params string[] teams)
    {
        ArgumentNullException.ThrowIfNull(app);
        using var admin = await app.ClientAsync();
        return await app.SignedInAsync(await AdminApi.CreateUserAsync(admin, teams: teams));
    }

    /// <summary>Starts an instance of <paramref name="definitionId"/> and returns the id of the one task it puts in the inbox, and the instance's id.</summary>
    public static async Task<(string Task, string InstanceId)> StartTaskAsync(this CareFlowsApp app, string definitionId, IReadOnlyDictionary<string, object?> input)
    {
        ArgumentNullException.ThrowIfNull(app);
        var started = await app.Get<WorkflowRuntime>().StartAsync(definitionId, null, new StartRequest
        {
            CorrelationId = Guid.NewGuid().ToString("N"),
            Input = input,
        }, TestContext.Current.CancellationToken);
        var task = await app.QueryAsync(db => db.Tasks.Where(t => t.InstanceId == started.Id).Select(t => t.Id).SingleAsync());
        return (task, started.Id);
    }

    /// <summary>An instance of the inbox test pathway (a follow-up call with an eight-field form) whose task waits in <paramref name="team"/>'s queue.</summary>
    public static Task<(string Task, string InstanceId)> TeamTaskAsync(this CareFlowsApp app, string team) =>
        app.StartTaskAsync("test-inbox-task", new Dictionary<string, object?> { ["teams"] = new[] { team } });

    /// <summary>GET answered 200 with a JSON object.</summary>
    public static async Task<JsonObject> GetAsync(HttpClient client, string url)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var response = await client.GetAsync(url, TestContext.Current.CancellationToken);
        return await response.ReadAsync<JsonObject>(HttpStatusCode.OK);
    }

    public static string? Text(JsonNode node, string member)
    {
        ArgumentNullException.ThrowIfNull(node);
        return node[member]?.GetValue<string>();
    }
}

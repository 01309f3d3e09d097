using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CareFlows.Server.Tests.TestSupport;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CareFlows.Server.Tests.TestSupport.InboxClients;

namespace CareFlows.Server.Tests.Security;

/// <summary>
/// A coordinator of one team who knows the ids of another team's task and instance learns and changes nothing through
/// them: every endpoint that takes a task, instance or bookmark id answers 403, and the task is as it was.
/// </summary>
public abstract partial class CrossTeamIdTests(CareFlowsApp app) : AppTests(app)
{
    /// <summary>Routes with an id parameter that names no inbox task or instance, and why.</summary>
    private static readonly Dictionary<string, string> NotATaskOrInstance = new(StringComparer.Ordinal)
    {
        ["DELETE /api/tasks/filters/{id}"] = "a saved filter of the user's own",
        ["POST /api/test-runs/{runId}/tasks/{taskId}/complete"] = "a designer's test run, in memory, not an inbox task",
    };

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Another_teams_task_and_instance_ids_open_nothing()
    {
        var ours = await App.NewTeamAsync();
        var theirs = await App.NewTeamAsync();
        var coordinator = await App.CoordinatorAsync(ours);
        var (task, instance) = await App.TeamTaskAsync(theirs);
        var bookmark = await QueryAsync(db => db.Tasks.Where(t => t.Id == task).Select(t => t.BookmarkId).SingleAsync(Cancel));
        var colleague = await AdminApi.CreateUserAsync(await App.ClientAsync(), teams: [ours]);
        var historyBefore = await HistoryCountAsync(task);

        var requests = new Dictionary<string, Func<Task<HttpResponseMessage>>>(StringComparer.Ordinal)
        {
            ["GET /api/tasks/{id}"] = () => coordinator.GetAsync($"/api/tasks/{task}", Cancel),
            ["GET /api/tasks/{id}/history"] = () => coordinator.GetAsync($"/api/tasks/{task}/history", Cancel),
            ["GET /fhir/Task/{id}"] = () => coordinator.GetAsync($"/fhir/Task/{task}", Cancel),
            ["POST /api/tasks/{id}/claim"] = () => coordinator.PostJsonAsync($"/api/tasks/{task}/claim", null),
            ["POST /api/tasks/{id}/unclaim"] = () => coordinator.PostJsonAsync($"/api/tasks/{task}/unclaim", null),
            ["POST /api/tasks/{id}/reassign"] = () => coordinator.PostJsonAsync($"/api/tasks/{task}/reassign", new { user = colleague.Id() }),
            ["POST /api/tasks/{id}/delegate"] = () => coordinator.PostJsonAsync($"/api/tasks/{task}/delegate", new { user = colleague.Id() }),
            ["POST /api/tasks/{id}/hold"] = () => coordinator.PostJsonAsync($"/api/tasks/{task}/hold", new { reason = "Waiting on the family." }),
            ["POST /api/tasks/{id}/release"] = () => coordinator.PostJsonAsync($"/api/tasks/{task}/release", null),
            ["POST /api/tasks/{id}/comments"] = () => coordinator.PostJsonAsync($"/api/tasks/{task}/comments", new { text = "Seen." }),
            ["POST /api/tasks/{id}/attempts"] = () => coordinator.PostJsonAsync($"/api/tasks/{task}/attempts", new { channel = "phone", result = "reached" }),
            ["POST /api/tasks/{id}/complete"] = () => coordinator.PostJsonAsync($"/api/tasks/{task}/complete", new { outcome = "Reached", data = ValidData }),
            ["GET /api/instances/{id}"] = () => coordinator.GetAsync($"/api/instances/{instance}", Cancel),
            ["GET /api/instances/{id}/journal"] = () => coordinator.GetAsync($"/api/instances/{instance}/journal", Cancel),
            ["GET /api/instances/{id}/stream"] = () => coordinator.GetAsync($"/api/instances/{instance}/stream", HttpCompletionOption.ResponseHeadersRead, Cancel),
            ["POST /api/instances/{id}/cancel"] = () => coordinator.PostJsonAsync($"/api/instances/{instance}/cancel", new { reason = "Not ours." }),
            ["GET /api/audit/instances/{instanceId}/timeline"] = () => coordinator.GetAsync($"/api/audit/instances/{instance}/timeline", Cancel),
            // A bookmark id names its instance ({instanceId}.b{n}): knowing the instance is knowing its bookmarks.
            ["POST /api/bookmarks/{bookmarkId}/resume"] = () => coordinator.PostJsonAsync($"/api/bookmarks/{bookmark}/resume", new { input = new { outcome = "Reached", data = ValidData } }),
        };
        AssertEveryIdEndpointHasACase(requests.Keys);

        var leaks = new List<string>();
        foreach (var (endpoint, send) in requests.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            using var response = await send();
            if (response.StatusCode != HttpStatusCode.Forbidden)
            {
                leaks.Add($"{endpoint}: {(int)response.StatusCode}");
            }
        }

        Assert.True(leaks.Count == 0, "Answered other than 403: " + string.Join(", ", leaks));
        var after = await QueryAsync(db => db.Tasks.AsNoTracking().SingleAsync(t => t.Id == task, Cancel));
        Assert.Null(after.Owner);
        Assert.Equal(historyBefore, await HistoryCountAsync(task));
        Assert.Equal("Suspended", (await InstanceAsync(instance))!.SubStatus);
    }

    [Fact]
    public async Task Another_teams_work_is_not_in_their_lists()
    {
        var ours = await App.NewTeamAsync();
        var theirs = await App.NewTeamAsync();
        var coordinator = await App.CoordinatorAsync(ours);
        var (task, instance) = await App.TeamTaskAsync(theirs);

        using var teamQueue = await coordinator.GetAsync($"/api/tasks?team={theirs}", Cancel);
        Assert.Equal(HttpStatusCode.Forbidden, teamQueue.StatusCode);
        foreach (var url in new[] { "/api/tasks?queue=all", $"/fhir/Task?_id={task}", "/api/instances" })
        {
            using var response = await coordinator.GetAsync(url, Cancel);
            var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync(Cancel))!.AsObject();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {answer}");

            // A FHIR bundle's links repeat the search itself; the rest is what was found.
            answer.Remove("link");
            var body = answer.ToJsonString();
            Assert.DoesNotContain(task, body, StringComparison.Ordinal);
            Assert.DoesNotContain(instance, body, StringComparison.Ordinal);
        }
    }

    private Task<int> HistoryCountAsync(string task) => QueryAsync(db => db.TaskHistory.CountAsync(h => h.TaskId == task, Cancel));

    /// <summary>Every route with a parameter that may hold a task, instance or bookmark id has a case, or a reason it names neither.</summary>
    private void AssertEveryIdEndpointHasACase(IEnumerable<string> cases)
    {
        var found = App.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && IdRoute().IsMatch(raw))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [HttpMethods.Get])
                .Select(m => $"{m.ToUpperInvariant()} {e.RoutePattern.RawText}"))
            .ToHashSet(StringComparer.Ordinal);
        var uncovered = found.Except(cases).Except(NotATaskOrInstance.Keys).Order(StringComparer.Ordinal).ToList();
        Assert.True(uncovered.Count == 0, $"Endpoints taking a task or instance id without a cross-team case: [{string.Join(", ", uncovered)}]");
    }

    /// <summary>A route under tasks, instances or FHIR Task with an id, or any parameter named for a task, instance or bookmark.</summary>
    [GeneratedRegex(@"^/(api/tasks|api/instances|fhir/Task)/\{|\{(taskId|instanceId|bookmarkId)\}")]
    private static partial Regex IdRoute();
}

public sealed class SqliteCrossTeamIdTests(SqliteApp app) : CrossTeamIdTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresCrossTeamIdTests(PostgresApp app) : CrossTeamIdTests(app), IClassFixture<PostgresApp>;

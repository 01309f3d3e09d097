using System.Net;
using CareFlows.Server.Tests.TestSupport;
using static CareFlows.Server.Tests.TestSupport.InboxClients;

namespace CareFlows.Server.Tests.Features.Tasks;

/// <summary>
/// The inbox's queues on the real host: a team's queue by due time and by priority, each filter with its total, pages,
/// a coordinator of two teams, and claiming moving a task from the team's queue to "mine".
/// </summary>
public abstract class InboxQueriesTests(CareFlowsApp app) : AppTests(app)
{
    [Fact]
    public async Task A_teams_queue_sorts_filters_counts_and_pages_its_waiting_tasks()
    {
        var (team, other) = (await App.NewTeamAsync(), await App.NewTeamAsync());
        var tasks = new Dictionary<string, string>
        {
            ["late"] = await StartAsync(team, "late", "urgent", "-1.00:00:00"),
            ["soon"] = await StartAsync(team, "soon", "routine", "1.00:00:00"),
            ["later"] = await StartAsync(team, "later", "routine", "3.00:00:00"),
            ["stat"] = await StartAsync(team, "stat", "stat", "5.00:00:00"),
            ["undated"] = await StartAsync(team, "undated", "asap", null),
        };
        var elsewhere = await StartAsync(other, "elsewhere", "routine", "2.00:00:00");
        using var maria = await App.CoordinatorAsync(team);

        await AssertPageAsync(maria, "queue=team", 5, tasks, "late", "soon", "later", "stat", "undated");
        await AssertPageAsync(maria, "queue=team&sort=priority", 5, tasks, "stat", "undated", "late", "soon", "later");
        await AssertPageAsync(maria, "queue=team&priority=routine", 2, tasks, "soon", "later");
        await AssertPageAsync(maria, "queue=team&overdue=true", 1, tasks, "late");
        await AssertPageAsync(maria, $"queue=team&dueBefore={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddDays(4).ToString("O"))}", 3, tasks, "late", "soon", "later");
        await AssertPageAsync(maria, "queue=team&patient=MRN-soon", 1, tasks, "soon");
        await AssertPageAsync(maria, "queue=team&pageSize=2&page=2", 5, tasks, "later", "stat");

        (await maria.PostJsonAsync($"/api/tasks/{tasks["soon"]}/claim", null)).EnsureSuccessStatusCode();
        await AssertPageAsync(maria, "queue=team", 4, tasks, "late", "later", "stat", "undated");
        await AssertPageAsync(maria, "queue=mine", 1, tasks, "soon");
        (await maria.PostJsonAsync($"/api/tasks/{tasks["late"]}/claim", null)).EnsureSuccessStatusCode();
        await AssertPageAsync(maria, "queue=mine", 2, tasks, "late", "soon");
        var counts = await GetAsync(maria, "/api/tasks/counts");
        Assert.Equal(
            (2, 1, 3),
            (counts["mine"]!.GetValue<int>(), counts["mineOverdue"]!.GetValue<int>(), counts["teams"]![team]!.GetValue<int>()));

        using var both = await App.CoordinatorAsync(team, other);
        var all = await GetAsync(both, "/api/tasks?queue=team");
        Assert.Equal(4, all["total"]!.GetValue<int>());
        Assert.Contains(all["items"]!.AsArray(), t => t!["id"]!.GetValue<string>() == elsewhere);
        Assert.Equal(1, (await GetAsync(both, $"/api/tasks?queue=team&team={other}"))["total"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.Forbidden, (await maria.GetAsync($"/api/tasks?queue=team&team={other}", TestContext.Current.CancellationToken)).StatusCode);
    }

    private static async Task AssertPageAsync(HttpClient client, string query, int total, Dictionary<string, string> tasks, params string[] expected)
    {
        var page = await GetAsync(client, "/api/tasks?" + query);
        var names = tasks.ToDictionary(t => t.Value, t => t.Key);
        var items = page["items"]!.AsArray().Select(t => names.GetValueOrDefault(t!["id"]!.GetValue<string>(), "?")).ToList();
        Assert.True(expected.SequenceEqual(items), $"{query}: expected {string.Join(", ", expected)}, got {string.Join(", ", items)}");
        Assert.Equal(total, page["total"]!.GetValue<int>());
    }

    private async Task<string> StartAsync(string team, string name, string priority, string? dueIn) =>
        (await App.StartTaskAsync("test-inbox-queue-task", new Dictionary<string, object?> { ["teams"] = new[] { team }, ["name"] = name, ["priority"] = priority, ["dueIn"] = dueIn })).Task;
}

public sealed class SqliteInboxQueriesTests(SqliteApp app) : InboxQueriesTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresInboxQueriesTests(PostgresApp app) : InboxQueriesTests(app), IClassFixture<PostgresApp>;

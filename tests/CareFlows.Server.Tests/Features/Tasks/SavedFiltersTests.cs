using System.Net;
using System.Text.Json.Nodes;
using CareFlows.Server.Auth;
using CareFlows.Server.Tests.TestSupport;

namespace CareFlows.Server.Tests.Features.Tasks;

/// <summary>Saved inbox filters: each person's own, checked as the inbox checks a query.</summary>
public abstract class SavedFiltersTests(CareFlowsApp app) : AppTests(app)
{
    [Fact]
    public async Task A_coordinator_saves_lists_and_deletes_their_own_filters()
    {
        using var admin = await App.ClientAsync();
        using var maria = await App.SignedInAsync(await AdminApi.CreateUserAsync(admin));
        using var james = await App.SignedInAsync(await AdminApi.CreateUserAsync(admin));

        using var saved = await maria.PostJsonAsync("/api/tasks/filters", new { name = "Urgent calls", query = "?queue=team&priority=urgent&sort=due" });
        var filter = await saved.ReadAsync<JsonObject>(HttpStatusCode.Created);
        Assert.Equal("queue=team&priority=urgent&sort=due", filter["query"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Conflict, (await maria.PostJsonAsync("/api/tasks/filters", new { name = "Urgent calls", query = "queue=mine" })).StatusCode);

        using var mine = await maria.GetAsync("/api/tasks/filters", TestContext.Current.CancellationToken);
        Assert.Equal(["Urgent calls"], (await mine.ReadAsync<JsonArray>(HttpStatusCode.OK)).Select(f => f!["name"]!.GetValue<string>()));
        using var his = await james.GetAsync("/api/tasks/filters", TestContext.Current.CancellationToken);
        Assert.Empty(await his.ReadAsync<JsonArray>(HttpStatusCode.OK));
        Assert.Equal(HttpStatusCode.NotFound, (await james.DeleteAsync($"/api/tasks/filters/{filter.Id()}", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await maria.DeleteAsync($"/api/tasks/filters/{filter.Id()}", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Theory]
    [InlineData("queue=yours", "$.query")]
    [InlineData("colour=red", "$.query")]
    [InlineData("overdue=maybe", "$.query")]
    [InlineData("pageSize=500", "$.query")]
    public async Task A_query_the_inbox_would_refuse_is_not_saved(string query, string field)
    {
        using var coordinator = await App.ClientAsync(Roles.Coordinator);

        var problem = await (await coordinator.PostJsonAsync("/api/tasks/filters", new { name = $"Bad {query}", query })).ProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Equal([field], problem.ErrorFields());
    }
}

public sealed class SqliteSavedFiltersTests(SqliteApp app) : SavedFiltersTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresSavedFiltersTests(PostgresApp app) : SavedFiltersTests(app), IClassFixture<PostgresApp>;

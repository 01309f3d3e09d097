using System.Net;
using System.Text.Json.Nodes;
using CareFlows.Server.Auth;
using CareFlows.Server.Tests.TestSupport;

namespace CareFlows.Server.Tests.Features.Metrics;

/// <summary>The metrics API: what there is, and bad periods and names refused by parameter. (The pathways' scenario tests check the figures.)</summary>
public abstract class MetricsEndpointsTests(CareFlowsApp app) : AppTests(app)
{
    [Fact]
    public async Task Every_metric_is_listed_and_answers_with_its_population_numerators_and_denominators()
    {
        using var lead = await App.ClientAsync(Roles.ClinicalLead);

        var listed = await lead.GetFromJsonArrayAsync("/api/metrics");

        Assert.Equal(7, listed.Count);
        foreach (var metric in listed.Select(m => m!["id"]!.GetValue<string>()))
        {
            var result = await InboxClients.GetAsync(lead, $"/api/metrics/{metric}");
            Assert.False(string.IsNullOrWhiteSpace(result["population"]?.GetValue<string>()), metric);
            Assert.All(result["ratios"]!.AsArray(), r => Assert.False(string.IsNullOrWhiteSpace(r!["denominatorDefinition"]?.GetValue<string>())));
        }
    }

    [Fact]
    public async Task A_period_that_ends_before_it_starts_is_refused_naming_from()
    {
        using var lead = await App.ClientAsync(Roles.ClinicalLead);

        using var response = await lead.GetAsync("/api/metrics/task-sla?from=2026-12-01T00:00:00Z&to=2026-11-01T00:00:00Z", TestContext.Current.CancellationToken);

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("from", problem["errors"]!.AsObject().Select(e => e.Key));
    }

    [Fact]
    public async Task A_period_over_a_year_is_refused_naming_to()
    {
        using var lead = await App.ClientAsync(Roles.ClinicalLead);

        using var response = await lead.GetAsync("/api/metrics/task-sla?from=2024-01-01T00:00:00Z&to=2026-01-01T00:00:00Z", TestContext.Current.CancellationToken);

        Assert.Contains("to", (await response.ProblemAsync(HttpStatusCode.BadRequest))["errors"]!.AsObject().Select(e => e.Key));
    }

    [Fact]
    public async Task A_team_cannot_narrow_a_metric_counted_per_discharge()
    {
        using var lead = await App.ClientAsync(Roles.ClinicalLead);

        using var response = await lead.GetAsync("/api/metrics/tcm-contact?team=transitions-of-care", TestContext.Current.CancellationToken);

        Assert.Contains("team", (await response.ProblemAsync(HttpStatusCode.BadRequest))["errors"]!.AsObject().Select(e => e.Key));
        Assert.Equal(HttpStatusCode.OK, (await lead.GetAsync("/api/metrics/task-sla?team=transitions-of-care&pathway=discharge-follow-up", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task An_unknown_metric_is_not_found()
    {
        using var lead = await App.ClientAsync(Roles.ClinicalLead);

        using var response = await lead.GetAsync("/api/metrics/happiness", TestContext.Current.CancellationToken);

        await response.ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Metrics_need_a_signed_in_user()
    {
        using var anonymous = App.CreateClient();

        using var response = await anonymous.GetAsync("/api/metrics/task-sla", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}

public sealed class SqliteMetricsEndpointsTests(SqliteApp app) : MetricsEndpointsTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresMetricsEndpointsTests(PostgresApp app) : MetricsEndpointsTests(app), IClassFixture<PostgresApp>;

internal static class MetricsHttp
{
    public static async Task<JsonArray> GetFromJsonArrayAsync(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(url, TestContext.Current.CancellationToken);
        return await response.ReadAsync<JsonArray>(HttpStatusCode.OK);
    }
}

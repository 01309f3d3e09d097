using System.Net;
using CareFlows.Server.Auth;
using CareFlows.Server.Tests.TestSupport;

namespace CareFlows.Server.Tests.Features.Metrics;

/// <summary>Who may list the items behind a metric (they are patient data), and bad parameters refused by name.</summary>
public abstract class MetricItemsEndpointsTests(CareFlowsApp app) : AppTests(app)
{
    [Theory]
    [InlineData(Roles.Auditor, HttpStatusCode.OK)]
    [InlineData(Roles.Admin, HttpStatusCode.OK)]
    [InlineData(Roles.ClinicalLead, HttpStatusCode.Forbidden)]
    [InlineData(Roles.Coordinator, HttpStatusCode.Forbidden)]
    public async Task Only_the_roles_that_read_patient_data_list_the_items(string role, HttpStatusCode expected)
    {
        using var client = await App.ClientAsync(role);

        using var response = await client.GetAsync("/api/metrics/task-sla/items?ratio=breachRate&in=missed", TestContext.Current.CancellationToken);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Clinical_leads_still_read_the_counts()
    {
        using var lead = await App.ClientAsync(Roles.ClinicalLead);

        using var response = await lead.GetAsync("/api/metrics/task-sla", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("task-sla/items", "ratio")]
    [InlineData("task-sla/items?ratio=happiness", "ratio")]
    [InlineData("task-sla/items?ratio=breachRate&in=everything", "in")]
    [InlineData("task-sla/items?ratio=breachRate&page=0", "page")]
    [InlineData("task-sla/items?ratio=breachRate&pageSize=201", "pageSize")]
    [InlineData("task-sla/items?ratio=breachRate&sort=colour", "sort")]
    [InlineData("coordinator-workload/items?ratio=openHeld&in=numerator", "in")]
    [InlineData("tcm-contact/items?ratio=contactRate&team=transitions-of-care", "team")]
    [InlineData("task-sla/items?ratio=breachRate&from=2026-12-01T00:00:00Z&to=2026-11-01T00:00:00Z", "from")]
    public async Task A_bad_parameter_is_refused_by_its_name(string url, string parameter)
    {
        using var auditor = await App.ClientAsync(Roles.Auditor);

        using var response = await auditor.GetAsync($"/api/metrics/{url}", TestContext.Current.CancellationToken);

        Assert.Contains(parameter, (await response.ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
    }

    [Fact]
    public async Task The_items_of_an_unknown_metric_are_not_found()
    {
        using var auditor = await App.ClientAsync(Roles.Auditor);

        using var response = await auditor.GetAsync("/api/metrics/happiness/items?ratio=joy", TestContext.Current.CancellationToken);

        await response.ProblemAsync(HttpStatusCode.NotFound);
    }
}

public sealed class SqliteMetricItemsEndpointsTests(SqliteApp app) : MetricItemsEndpointsTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresMetricItemsEndpointsTests(PostgresApp app) : MetricItemsEndpointsTests(app), IClassFixture<PostgresApp>;

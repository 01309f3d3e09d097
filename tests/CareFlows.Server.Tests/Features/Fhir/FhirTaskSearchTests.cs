// Firely's model marks every element nullable; a missing element fails its assertion, which is what a null check would do.
#nullable disable warnings
using System.Net;
using CareFlows.Server.Auth;
using CareFlows.Server.Tests.TestSupport;
using Hl7.Fhir.Model;
using FhirTask = Hl7.Fhir.Model.Task;
using Task = System.Threading.Tasks.Task;

namespace CareFlows.Server.Tests.Features.Fhir;

/// <summary>GET /fhir/Task: searchset Bundles, paging by links, filters, the inbox's access rules, and OperationOutcome errors.</summary>
public abstract class FhirTaskSearchTests(CareFlowsApp app) : FhirTests(app)
{
    [Fact]
    public async Task Following_next_links_pages_through_every_task_of_the_users_teams_once()
    {
        var team = await NewTeamAsync();
        var created = await TeamTasksAsync(team, 5);

        using var maria = await CoordinatorAsync(team);
        var seen = new List<string>();
        var pageSizes = new List<int>();
        string? next = "/fhir/Task?_count=2";
        Bundle? page = null;
        while (next is not null)
        {
            page = await ReadFhirAsync<Bundle>(maria.Client, next);
            Assert.Equal((Bundle.BundleType.Searchset, 5), (page.Type, page.Total));
            Assert.All(page.Entry, e =>
            {
                Assert.Equal(Bundle.SearchEntryMode.Match, e.Search.Mode);
                Assert.Equal($"http://localhost/fhir/Task/{e.Resource.Id}", e.FullUrl);
                Assert.IsType<FhirTask>(e.Resource);
            });
            Assert.Contains("_count=2", page.SelfLink.ToString(), StringComparison.Ordinal);
            seen.AddRange(page.Entry.Select(e => e.Resource.Id));
            pageSizes.Add(page.Entry.Count);
            next = page.NextLink?.ToString();
        }

        Assert.Equal([2, 2, 1], pageSizes);
        Assert.Equal(created.Order(StringComparer.Ordinal), seen.Order(StringComparer.Ordinal));
        Assert.EndsWith("_page=2", page!.PreviousLink.ToString(), StringComparison.Ordinal);
        Assert.EndsWith("_page=1", page.FirstLink.ToString(), StringComparison.Ordinal);
        var countOnly = await ReadFhirAsync<Bundle>(maria.Client, "/fhir/Task?_count=0");
        Assert.Equal((5, 0), (countOnly.Total, countOnly.Entry.Count));
    }

    [Fact]
    public async Task Searches_filter_by_owner_status_patient_stage_priority_and_team()
    {
        var team = await NewTeamAsync();
        var tasks = await TeamTasksAsync(team, 3);

        using var maria = await CoordinatorAsync(team);
        await PostAsync(maria.Client, $"/api/tasks/{tasks[0]}/claim", null);
        using var admin = await App.ClientAsync();

        async Task<List<string>> Ids(HttpClient client, string query) =>
            [.. (await ReadFhirAsync<Bundle>(client, $"/fhir/Task?{query}")).Entry.Select(e => e.Resource.Id).Order(StringComparer.Ordinal)];

        Assert.Equal([tasks[0]], await Ids(maria.Client, $"owner=Practitioner/{maria.Id}"));
        Assert.Equal([tasks[0]], await Ids(maria.Client, $"owner={maria.Id}&status=in-progress"));
        Assert.Equal(tasks.Skip(1).Order(StringComparer.Ordinal), await Ids(maria.Client, "status=ready"));
        Assert.Equal(tasks.Skip(1).Order(StringComparer.Ordinal), await Ids(maria.Client, "owner:missing=true"));
        Assert.Equal(tasks.Order(StringComparer.Ordinal), await Ids(maria.Client, "status=ready,in-progress"));
        Assert.Empty(await Ids(maria.Client, "status=ready&status=in-progress"));
        Assert.Empty(await Ids(maria.Client, "status=completed"));
        Assert.Equal(3, (await Ids(maria.Client, "patient=Patient/p-100&subject=p-100&patient:identifier=MRN-100")).Count);
        Assert.Empty(await Ids(maria.Client, "patient=Patient/p-999"));
        Assert.Equal(3, (await Ids(maria.Client, "business-status=Interactive contact&priority=urgent")).Count);
        Assert.Empty(await Ids(maria.Client, "priority=routine"));
        Assert.Equal(tasks.Order(StringComparer.Ordinal), await Ids(admin, $"performer={team}&_count=200"));
        Assert.Equal([tasks[0]], await Ids(admin, $"performer=https://careflows.local/fhir/CodeSystem/team|{team}&_id={tasks[0]}"));

        var startedFirst = await ReadFhirAsync<Bundle>(admin, $"/fhir/Task?performer={team}&_sort=-period");
        Assert.Equal(tasks[0], startedFirst.Entry[0].Resource.Id);
    }

    [Fact]
    public async Task Coordinators_outside_the_team_and_clinical_leads_get_403_outcomes_and_auditors_read()
    {
        var team = await NewTeamAsync();
        var (taskId, _) = await TeamTaskAsync(team);
        using var outsider = await CoordinatorAsync(await NewTeamAsync());
        using var lead = await App.ClientAsync(Roles.ClinicalLead);
        using var auditor = await App.ClientAsync(Roles.Auditor);
        using var anonymous = App.CreateClient();

        var refused = await IssueAsync(outsider.Client, $"/fhir/Task/{taskId}", HttpStatusCode.Forbidden, OperationOutcome.IssueType.Forbidden);
        Assert.Contains("neither yours nor your teams'", refused.Diagnostics, StringComparison.Ordinal);
        Assert.Equal(0, (await ReadFhirAsync<Bundle>(outsider.Client, $"/fhir/Task?performer={team}")).Total);
        await IssueAsync(lead, $"/fhir/Task/{taskId}", HttpStatusCode.Forbidden, OperationOutcome.IssueType.Forbidden);
        await IssueAsync(lead, "/fhir/Task", HttpStatusCode.Forbidden, OperationOutcome.IssueType.Forbidden);
        await IssueAsync(anonymous, "/fhir/Task", HttpStatusCode.Unauthorized, OperationOutcome.IssueType.Login);

        Assert.Equal(taskId, (await ReadFhirAsync<FhirTask>(auditor, $"/fhir/Task/{taskId}")).Id);
        Assert.Equal(taskId, Assert.Single((await ReadFhirAsync<Bundle>(auditor, $"/fhir/Task?performer={team}")).Entry).Resource.Id);
    }

    [Fact]
    public async Task An_unknown_parameter_or_value_is_a_400_outcome_naming_it_and_an_unknown_id_a_404()
    {
        using var admin = await App.ClientAsync();

        var unknown = await IssueAsync(admin, "/fhir/Task?assignee=someone", HttpStatusCode.BadRequest, OperationOutcome.IssueType.Invalid);
        Assert.Equal(["assignee"], unknown.Expression);
        Assert.Contains("'assignee' is not a search parameter", unknown.Diagnostics, StringComparison.Ordinal);
        Assert.Equal(["status"], (await IssueAsync(admin, "/fhir/Task?status=done", HttpStatusCode.BadRequest, OperationOutcome.IssueType.Invalid)).Expression);
        Assert.Equal(["_count"], (await IssueAsync(admin, "/fhir/Task?_count=many", HttpStatusCode.BadRequest, OperationOutcome.IssueType.Invalid)).Expression);
        Assert.Equal(["_sort"], (await IssueAsync(admin, "/fhir/Task?_sort=due", HttpStatusCode.BadRequest, OperationOutcome.IssueType.Invalid)).Expression);
        Assert.Equal(["_format"], (await IssueAsync(admin, "/fhir/Task/x?_format=xml", HttpStatusCode.BadRequest, OperationOutcome.IssueType.Invalid)).Expression);
        var notFound = await IssueAsync(admin, "/fhir/Task/no-such-task", HttpStatusCode.NotFound, OperationOutcome.IssueType.NotFound);
        Assert.Contains("no-such-task", notFound.Diagnostics, StringComparison.Ordinal);

        using var lenient = new HttpRequestMessage(HttpMethod.Get, "/fhir/Task?assignee=someone&_count=1");
        lenient.Headers.Add("Prefer", "handling=lenient");
        using var response = await admin.SendAsync(lenient, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<List<string>> TeamTasksAsync(string team, int count)
    {
        var tasks = new List<string>();
        for (var i = 0; i < count; i++)
        {
            tasks.Add((await TeamTaskAsync(team)).Task);
        }

        return tasks;
    }
}

public sealed class SqliteFhirTaskSearchTests(SqliteApp app) : FhirTaskSearchTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresFhirTaskSearchTests(PostgresApp app) : FhirTaskSearchTests(app), IClassFixture<PostgresApp>;

using System.Net;
using System.Text.Json.Nodes;
using CareFlows.Server.Auth;
using CareFlows.Server.Features.Instances.GetJournal;
using CareFlows.Server.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CareFlows.Server.Tests.Features.Instances;

public abstract class InstanceQueriesTests(CareFlowsApp app) : AppTests(app)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static readonly JsonObject LongDelay = new() { ["delay"] = "01:00:00" };

    [Fact]
    public async Task The_list_filters_by_incidents_and_by_the_patient_its_tasks_are_for()
    {
        var client = await App.ClientAsync(Roles.Auditor);
        var starter = await App.ClientAsync(Roles.Admin);
        var key = NewKey();
        var faulted = await starter.StartInstanceAsync("test-delay", key, new JsonObject { ["delay"] = "not a duration" });
        var healthy = await starter.StartInstanceAsync("test-wait-for-event", key);
        var (_, forRosa) = await App.TeamTaskAsync("transitions-of-care");

        async Task<List<string>> Ids(string query) => [.. (await client.ListInstancesAsync(query)).Items.Select(i => i.Id)];

        Assert.True(faulted.Incidents > 0);
        Assert.Equal([faulted.Id], await Ids($"correlationId={key}&hasIncidents=true"));
        Assert.Equal([healthy.Id], await Ids($"correlationId={key}&hasIncidents=false"));
        // The inbox test pathway's task is for Rosa Diaz: Patient/p-100, MRN-100.
        Assert.Contains(forRosa, await Ids("definitionId=test-inbox-task&patient=MRN-100&pageSize=100"));
        Assert.Contains(forRosa, await Ids("definitionId=test-inbox-task&patient=Patient/p-100&pageSize=100"));
        Assert.Empty(await Ids("definitionId=test-inbox-task&patient=MRN-999"));
    }

    [Fact]
    public async Task The_list_filters_by_correlation_id_definition_status_and_sub_status()
    {
        var client = await App.ClientAsync(Roles.Admin);
        var key = NewKey();
        var waiting = await client.StartInstanceAsync("test-wait-for-event", key);
        var cancelled = await client.StartInstanceAsync("test-wait-for-event", key);
        var delayed = await client.StartInstanceAsync("test-delay", key, LongDelay.DeepClone().AsObject());
        await client.PostJsonAsync($"/api/instances/{cancelled.Id}/cancel", new { });

        async Task<List<string>> Ids(string query) => [.. (await client.ListInstancesAsync($"correlationId={key}&{query}")).Items.Select(i => i.Id).Order()];

        Assert.Equal(new[] { waiting.Id, cancelled.Id, delayed.Id }.Order(), await Ids(""));
        Assert.Equal([delayed.Id], await Ids("definitionId=test-delay"));
        Assert.Equal([cancelled.Id], await Ids("status=Finished"));
        Assert.Equal([cancelled.Id], await Ids("status=finished"));
        Assert.Equal(new[] { waiting.Id, delayed.Id }.Order(), await Ids("status=Running&subStatus=Suspended"));
        Assert.Equal([cancelled.Id], await Ids("subStatus=Cancelled"));
        Assert.Empty(await Ids("definitionId=test-tick-loop"));
        var item = Assert.Single((await client.ListInstancesAsync($"correlationId={key}&subStatus=Cancelled")).Items);
        Assert.Equal(("test-wait-for-event", 1, "Finished", "Cancelled", key), (item.DefinitionId, item.Version, item.Status, item.SubStatus, item.CorrelationId));
        Assert.NotNull(item.FinishedAt);
    }

    [Fact]
    public async Task The_list_filters_by_creation_time_from_inclusive_to_exclusive()
    {
        var client = await App.ClientAsync(Roles.Admin);
        var key = NewKey();
        for (var i = 0; i < 3; i++)
        {
            await client.StartInstanceAsync("test-wait-for-event", key);
        }

        var all = (await client.ListInstancesAsync($"correlationId={key}")).Items;
        var (c, b, a) = (all[0], all[1], all[2]);
        Assert.True(a.CreatedAt < b.CreatedAt && b.CreatedAt < c.CreatedAt);

        async Task<List<string>> Ids(string query) => [.. (await client.ListInstancesAsync($"correlationId={key}&{query}")).Items.Select(i => i.Id)];
        static string At(DateTime time) => Uri.EscapeDataString(time.ToString("O", System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal([c.Id, b.Id], await Ids($"createdFrom={At(b.CreatedAt)}"));
        Assert.Equal([a.Id], await Ids($"createdTo={At(b.CreatedAt)}"));
        Assert.Equal([b.Id], await Ids($"createdFrom={At(b.CreatedAt)}&createdTo={At(c.CreatedAt)}"));

        // The same instant written with an offset selects the same instances.
        var withOffset = Uri.EscapeDataString(new DateTimeOffset(b.CreatedAt).ToOffset(TimeSpan.FromHours(2)).ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal([c.Id, b.Id], await Ids($"createdFrom={withOffset}"));
    }

    [Fact]
    public async Task The_list_pages_newest_first_with_the_total()
    {
        var client = await App.ClientAsync(Roles.Auditor);
        var writer = await App.ClientAsync(Roles.Admin);
        var key = NewKey();
        var started = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            started.Add((await writer.StartInstanceAsync("test-wait-for-event", key)).Id);
        }

        var pages = new List<List<string>>();
        for (var page = 1; page <= 4; page++)
        {
            var result = await client.ListInstancesAsync($"correlationId={key}&page={page}&pageSize=2");
            Assert.Equal((5, page, 2), (result.Total, result.Page, result.PageSize));
            pages.Add([.. result.Items.Select(i => i.Id)]);
        }

        Assert.Equal([2, 2, 1, 0], pages.Select(p => p.Count));
        Assert.Equal(Enumerable.Reverse(started), pages.SelectMany(p => p));
        var defaults = await client.ListInstancesAsync($"correlationId={key}");
        Assert.Equal((1, 50, 5), (defaults.Page, defaults.PageSize, defaults.Items.Count));
    }

    [Fact]
    public async Task The_list_sorts_by_creation_last_change_status_and_definition_each_way()
    {
        var client = await App.ClientAsync(Roles.Admin);
        var key = NewKey();
        var a = (await client.StartInstanceAsync("test-wait-for-event", key)).Id;
        var b = (await client.StartInstanceAsync("test-delay", key, LongDelay.DeepClone().AsObject())).Id;
        var c = (await client.StartInstanceAsync("test-wait-for-event", key)).Id;
        // Cancelling the first makes it the last changed, and the only finished one.
        (await client.PostJsonAsync($"/api/instances/{a}/cancel", new { })).Dispose();

        async Task<List<string>> Ids(string sort) => [.. (await client.ListInstancesAsync($"correlationId={key}&sort={sort}")).Items.Select(i => i.Id)];

        Assert.Equal([c, b, a], (await client.ListInstancesAsync($"correlationId={key}")).Items.Select(i => i.Id));
        Assert.Equal([a, b, c], await Ids("created"));
        Assert.Equal([c, b, a], await Ids("-created"));
        Assert.Equal([b, c, a], await Ids("updated"));
        Assert.Equal([a, c, b], await Ids("-updated"));
        // Equal keys keep newest first: c and b are both running and suspended.
        Assert.Equal([a, c, b], await Ids("status"));
        Assert.Equal([c, b, a], await Ids("-status"));
        Assert.Equal([b, c, a], await Ids("definition"));
        Assert.Equal([c, a, b], await Ids("-definition"));
        var second = await client.ListInstancesAsync($"correlationId={key}&sort=definition&pageSize=2&page=2");
        Assert.Equal([a], second.Items.Select(i => i.Id));
    }

    [Theory]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=201", "pageSize")]
    [InlineData("page=0", "page")]
    [InlineData("sort=newest", "sort")]
    [InlineData("sort=-", "sort")]
    [InlineData("status=Sleeping", "status")]
    [InlineData("subStatus=1", "subStatus")]
    [InlineData("createdFrom=2025-01-02T00:00:00Z&createdTo=2025-01-01T00:00:00Z", "createdTo")]
    public async Task An_invalid_list_query_is_422_naming_the_field(string query, string field)
    {
        var client = await App.ClientAsync(Roles.Auditor);

        var response = await client.GetAsync($"/api/instances?{query}", Cancel);

        var problem = await response.ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal([field], problem.ErrorFields());
        Assert.StartsWith($"'{field}' ", problem.ErrorAt(field), StringComparison.Ordinal);
        PlainProblems.AssertPlain(problem);
    }

    [Theory]
    [InlineData("/api/instances?createdFrom=x", "createdFrom", "'createdFrom' must be a date and time, for example 2026-01-31T09:00:00Z.")]
    [InlineData("/api/instances?createdTo=2026-02-30", "createdTo", "'createdTo' must be a date and time, for example 2026-01-31T09:00:00Z.")]
    [InlineData("/api/instances?page=two", "page", "'page' must be a whole number.")]
    [InlineData("/api/instances?pageSize=99999999999", "pageSize", "'pageSize' must be a whole number.")]
    [InlineData("/api/instances/some-instance/journal?afterSequence=x", "afterSequence", "'afterSequence' must be a whole number.")]
    public async Task A_query_value_that_does_not_parse_is_400_keyed_by_its_name_in_plain_words(string url, string parameter, string message)
    {
        var client = await App.ClientAsync(Roles.Auditor);

        var response = await client.GetAsync(url, Cancel);

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal([parameter], problem.ErrorFields());
        Assert.Equal(message, problem.ErrorAt(parameter));
        PlainProblems.AssertPlain(problem);
    }

    [Fact]
    public async Task The_journal_pages_through_every_entry_in_sequence_order()
    {
        var client = await App.ClientAsync(Roles.Admin);
        var key = NewKey();
        var started = await client.StartInstanceAsync("test-tick-loop", key);
        for (var i = 0; i < 3; i++)
        {
            await client.PostJsonAsync("/api/events", new { eventName = "Tick", correlationKey = key });
        }

        var stored = await QueryAsync(db => db.Journal.CountAsync(j => j.InstanceId == started.Id, Cancel));
        var entries = new List<JournalEntryResponse>();
        long? after = null;
        var requests = 0;
        do
        {
            var response = await client.GetAsync($"/api/instances/{started.Id}/journal?pageSize=4{(after is null ? "" : $"&afterSequence={after}")}", Cancel);
            var page = await response.ReadAsync<JournalPageResponse>(HttpStatusCode.OK);
            Assert.InRange(page.Items.Count, 1, 4);
            entries.AddRange(page.Items);
            after = page.NextAfterSequence;
            requests++;
        }
        while (after is not null);

        Assert.True(stored > 8, $"Only {stored} journal entries.");
        Assert.Equal(Enumerable.Range(1, stored).Select(i => (long)i), entries.Select(e => e.Sequence));
        Assert.Equal((stored + 3) / 4, requests);
        Assert.Equal(3, entries.Count(e => e.ActivityId == "increment" && e.EventName == "Completed"));
        var beyond = await client.GetAsync($"/api/instances/{started.Id}/journal?afterSequence={stored}", Cancel);
        var empty = await beyond.ReadAsync<JournalPageResponse>(HttpStatusCode.OK);
        Assert.Empty(empty.Items);
        Assert.Null(empty.NextAfterSequence);
    }

    [Theory]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=201", "pageSize")]
    [InlineData("afterSequence=-1", "afterSequence")]
    public async Task An_invalid_journal_query_is_422_naming_the_field(string query, string field)
    {
        var client = await App.ClientAsync(Roles.Auditor);
        var started = await (await App.ClientAsync(Roles.Admin)).StartInstanceAsync("test-wait-for-event", NewKey());

        var response = await client.GetAsync($"/api/instances/{started.Id}/journal?{query}", Cancel);

        var problem = await response.ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal([field], problem.ErrorFields());
        PlainProblems.AssertPlain(problem);
    }
}

public sealed class SqliteInstanceQueriesTests(SqliteApp app) : InstanceQueriesTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresInstanceQueriesTests(PostgresApp app) : InstanceQueriesTests(app), IClassFixture<PostgresApp>;

using System.Text.Json.Nodes;
using CareFlows.Server.Auth;
using CareFlows.Server.Persistence.Entities;
using CareFlows.Server.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using static CareFlows.Server.Tests.TestSupport.InboxClients;

namespace CareFlows.Server.Tests.Features.Demo;

/// <summary>The host as the README's run command starts it: the pathways loaded and the demo run to its stages.</summary>
public sealed class DemoApp : SqliteApp
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Workflows:Path"] = Path.Combine(AppContext.BaseDirectory, "Pathways"),
        ["Demo:SeedPathways"] = "true",
    };
}

/// <summary>A first start shows a working inbox and metrics with something in them.</summary>
public sealed class DemoPathwaysTests(DemoApp app) : IClassFixture<DemoApp>
{
    [Fact]
    public async Task Each_pathway_has_instances_at_different_stages()
    {
        var byPathway = await app.QueryAsync(db => db.Instances.AsNoTracking().GroupBy(i => i.DefinitionId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync());

        Assert.True(byPathway.Single(p => p.Key == "discharge-follow-up").Count >= 5);
        Assert.True(byPathway.Single(p => p.Key == "prior-authorization").Count >= 6, "five requests and the referral's");
        Assert.Equal(4, byPathway.Single(p => p.Key == "specialist-referral").Count);
        Assert.Equal(1, byPathway.Single(p => p.Key == "reauthorization-reminder").Count);
    }

    [Fact]
    public async Task Coordinators_find_work_waiting_some_of_it_overdue_and_escalated()
    {
        using var maria = app.BearerClient((await SignIn.BearerAsync(app.CreateClient(), "maria.lopez@careflows.local", DemoSignIn.Password)).AccessToken);
        var queue = await GetAsync(maria, "/api/tasks?queue=team&pageSize=200");

        Assert.True(queue["total"]!.GetValue<int>() >= 3);
        Assert.Contains(queue["items"]!.AsArray(), t => t!["overdue"]!.GetValue<bool>());
        await WaitForEscalationAsync();
        using var grace = app.BearerClient((await SignIn.BearerAsync(app.CreateClient(), "grace.nguyen@careflows.local", DemoSignIn.Password)).AccessToken);
        Assert.Contains((await GetAsync(grace, "/api/tasks?queue=team"))["items"]!.AsArray(), t => Text(t!, "title") == "Post-discharge call: Ruth Adler");
    }

    [Fact]
    public async Task The_metrics_have_something_to_show()
    {
        await WaitForEscalationAsync();
        using var lead = await app.ClientAsync(Roles.ClinicalLead);

        var sla = await GetAsync(lead, "/api/metrics/task-sla");
        var outcomes = await GetAsync(lead, "/api/metrics/pa-outcomes");
        var loops = await GetAsync(lead, "/api/metrics/referral-loop-closure");
        var contact = await GetAsync(lead, "/api/metrics/tcm-contact");

        Assert.True(Denominator(sla, "breachRate") > 0);
        Assert.Equal((1, 1), (Numerator(outcomes, "approved"), Numerator(outcomes, "denied")));
        Assert.Equal((1, 4), (Numerator(loops, "loopClosureRate"), Denominator(loops, "loopClosureRate")));
        Assert.True(Numerator(contact, "contactRate") >= 1 && Denominator(contact, "contactRate") >= 2);
    }

    private static int Numerator(JsonObject metric, string name) => Ratio(metric, name)["numerator"]!.GetValue<int>();

    private static int Denominator(JsonObject metric, string name) => Ratio(metric, name)["denominator"]!.GetValue<int>();

    private static JsonNode Ratio(JsonObject metric, string name) => metric["ratios"]!.AsArray().Single(r => r!["name"]!.GetValue<string>() == name)!;

    /// <summary>Deadlines that passed before the first start fire as soon as the scheduler has them.</summary>
    private async Task WaitForEscalationAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (await app.QueryAsync(db => db.TaskHistory.CountAsync(h => h.Action == "escalated")) == 0)
        {
            await Task.Delay(100, timeout.Token);
        }

        Assert.True(await app.QueryAsync(db => db.Tasks.CountAsync(t => t.Title == "Post-discharge call: Ruth Adler" && t.Status == InboxTaskStatus.Ready)) == 1);
    }
}

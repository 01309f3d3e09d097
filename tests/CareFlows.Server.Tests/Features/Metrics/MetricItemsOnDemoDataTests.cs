using System.Globalization;
using CareFlows.Server.Auth;
using CareFlows.Server.Tests.Features.Demo;
using CareFlows.Server.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using static CareFlows.Server.Tests.TestSupport.InboxClients;

namespace CareFlows.Server.Tests.Features.Metrics;

/// <summary>The demo pathways on PostgreSQL, as <see cref="DemoApp"/> runs them on SQLite.</summary>
public sealed class PostgresDemoApp : PostgresApp
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Workflows:Path"] = Path.Combine(AppContext.BaseDirectory, "Pathways"),
        ["Demo:SeedPathways"] = "true",
    };
}

/// <summary>On the demo's seeded pathways: every figure lists exactly the items it counts, paged and sorted, each naming its patient.</summary>
public abstract class MetricItemsOnDemoDataTests(CareFlowsApp app) : AppTests(app)
{
    [Fact]
    public async Task Every_figure_of_every_metric_lists_as_many_items_as_it_counts()
    {
        var period = await SettledPeriodAsync();
        using var auditor = await App.ClientAsync(Roles.Auditor);
        var metrics = await auditor.GetFromJsonArrayAsync("/api/metrics");

        var checkedFigures = 0;
        foreach (var metric in metrics.Select(m => m!["id"]!.GetValue<string>()))
        {
            var result = await GetAsync(auditor, $"/api/metrics/{metric}?{period}");
            foreach (var ratio in result["ratios"]!.AsArray().Select(r => r!))
            {
                var name = ratio["name"]!.GetValue<string>();
                var numerator = ratio["numerator"]!.GetValue<int>();
                var denominator = ratio["denominator"]!.GetValue<int>();
                Assert.Equal(numerator, await TotalAsync(auditor, metric, name, "numerator", period));
                Assert.Equal(denominator, await TotalAsync(auditor, metric, name, "denominator", period));
                Assert.Equal(denominator - numerator, await TotalAsync(auditor, metric, name, "missed", period));
                checkedFigures++;
            }

            foreach (var (name, measure) in result["measures"]!.AsObject())
            {
                var total = await TotalAsync(auditor, metric, name, null, period);
                if (measure!["unit"]!.GetValue<string>() is "tasks" or "requests" or "referrals")
                {
                    Assert.Equal(measure["value"]!.GetValue<double>(), total);
                }
                else
                {
                    // A statistic is taken over its items: none when there was nothing to measure.
                    Assert.Equal(measure["value"] is null, total == 0);
                }

                checkedFigures++;
            }
        }

        Assert.True(checkedFigures >= 30, $"only {checkedFigures} figures");
    }

    [Fact]
    public async Task Pages_hold_each_item_once_in_the_order_asked_for()
    {
        var period = await SettledPeriodAsync();
        using var auditor = await App.ClientAsync(Roles.Auditor);

        var all = await GetAsync(auditor, $"/api/metrics/task-sla/items?ratio=breachRate&in=denominator&sort=-counted&pageSize=200&{period}");
        var total = all["total"]!.GetValue<int>();
        var paged = new List<string>();
        for (var page = 1; page <= total; page++)
        {
            var one = await GetAsync(auditor, $"/api/metrics/task-sla/items?ratio=breachRate&in=denominator&sort=-counted&pageSize=1&page={page}&{period}");
            Assert.Equal(total, one["total"]!.GetValue<int>());
            paged.Add(one["items"]!.AsArray().Single()!["taskId"]!.GetValue<string>());
        }

        Assert.True(total >= 2, "the demo has tasks due");
        Assert.Equal(all["items"]!.AsArray().Select(i => i!["taskId"]!.GetValue<string>()), paged);
        Assert.Equal(total, paged.Distinct().Count());
        var due = all["items"]!.AsArray().Select(i => i!["countedAt"]!.GetValue<DateTimeOffset>()).ToList();
        Assert.Equal(due.OrderDescending(), due);
    }

    [Fact]
    public async Task A_discharge_names_its_patient_its_call_and_the_times_that_decided_it()
    {
        var period = await SettledPeriodAsync();
        using var auditor = await App.ClientAsync(Roles.Auditor);

        var page = await GetAsync(auditor, $"/api/metrics/tcm-contact/items?ratio=contactRate&in=denominator&sort=patient&{period}");

        var items = page["items"]!.AsArray().Select(i => i!).ToList();
        Assert.NotEmpty(items);
        Assert.All(items, i => Assert.False(string.IsNullOrWhiteSpace(i["patient"]?["name"]?.GetValue<string>())));
        Assert.All(items, i => Assert.NotNull(i["times"]!["deadline"]));
        Assert.Contains(items, i => i["taskId"] is not null);
        Assert.Equal(items.Select(i => i["inNumerator"]!.GetValue<bool>()), items.Select(i => i["met"]!.GetValue<bool>()));
        var names = items.ConvertAll(i => i["patient"]!["name"]!.GetValue<string>().ToUpperInvariant());
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
        Assert.Equal(["deadline", "firstAttemptAt", "contactedAt"], page["times"]!.AsArray().Select(t => t!["name"]!.GetValue<string>()));
    }

    private static async Task<int> TotalAsync(HttpClient client, string metric, string figure, string? set, string period)
    {
        var page = await GetAsync(client, $"/api/metrics/{metric}/items?ratio={figure}{(set is null ? "" : $"&in={set}")}&pageSize=1&{period}");
        return page["total"]!.GetValue<int>();
    }

    /// <summary>
    /// A period that ends now, once the deadlines that had passed before the first start have fired: counts and items
    /// are then asked of the same records.
    /// </summary>
    private async Task<string> SettledPeriodAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (await App.QueryAsync(db => db.TaskHistory.CountAsync(h => h.Action == "escalated")) == 0)
        {
            await Task.Delay(100, timeout.Token);
        }

        var to = App.Get<TimeProvider>().GetUtcNow();
        return $"from={Uri.EscapeDataString(to.AddDays(-90).ToString("O", CultureInfo.InvariantCulture))}&to={Uri.EscapeDataString(to.ToString("O", CultureInfo.InvariantCulture))}";
    }
}

public sealed class SqliteMetricItemsOnDemoDataTests(DemoApp app) : MetricItemsOnDemoDataTests(app), IClassFixture<DemoApp>;

public sealed class PostgresMetricItemsOnDemoDataTests(PostgresDemoApp app) : MetricItemsOnDemoDataTests(app), IClassFixture<PostgresDemoApp>;

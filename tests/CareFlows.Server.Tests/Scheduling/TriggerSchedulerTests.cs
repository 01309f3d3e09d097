using CareFlows.Engine.Activities.Scheduling;
using CareFlows.Engine.Definitions.Serialization;
using CareFlows.Server.Features.Definitions;
using CareFlows.Server.Persistence.Entities;
using CareFlows.Server.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using Quartz.Impl.Matchers;

namespace CareFlows.Server.Tests.Scheduling;

/// <summary>
/// Publishing arms the timer triggers of Elsa's own definitions in Quartz, at the times the engine computes (Cronos
/// reads Elsa's six-field cron, which Quartz's dialect would reject).
/// </summary>
public sealed class TriggerSchedulerTests(SqliteApp app) : AppTests(app), IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Publishing_the_elsa_cron_workflow_arms_its_next_full_hour()
    {
        var before = DateTimeOffset.UtcNow;
        var definition = await PublishCompatAsync("cron-every-hour.json");

        var next = await NextFireAsync(definition);

        var expected = CronSchedule.NextAfter("0 0 * * * *", before)!.Value;
        Assert.Equal(expected, next);
        Assert.Equal(0, next.Minute);
        Assert.Equal(0, next.Second);
    }

    [Fact]
    public async Task Publishing_the_elsa_timer_workflow_arms_its_first_interval()
    {
        var definition = await PublishCompatAsync("timer-workflow.json");

        var next = await NextFireAsync(definition);

        var publishedAt = new DateTimeOffset(definition.PublishedAt!.Value, TimeSpan.Zero);
        Assert.InRange(next - publishedAt, TimeSpan.FromSeconds(59), TimeSpan.FromSeconds(61));
    }

    private async Task<WorkflowDefinitionRecord> PublishCompatAsync(string file)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<DefinitionStore>();
        var definition = WorkflowDefinitionReader.Read(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "ElsaCompat", file), TestContext.Current.CancellationToken));
        var imported = await store.ImportAsync(definition, publish: true, editor: DefinitionEditor.System, TestContext.Current.CancellationToken);
        return await QueryAsync(db => Task.FromResult(db.Definitions.Single(d => d.Id == imported.Record.Id)));
    }

    private async Task<DateTimeOffset> NextFireAsync(WorkflowDefinitionRecord definition)
    {
        var scheduler = await App.Get<ISchedulerFactory>().GetScheduler(TestContext.Current.CancellationToken);
        var keys = await scheduler.GetTriggerKeys(GroupMatcher<TriggerKey>.GroupEquals("triggers"), TestContext.Current.CancellationToken);
        var key = Assert.Single(keys, k => k.Name.StartsWith(definition.Id + ":", StringComparison.Ordinal));
        var trigger = await scheduler.GetTrigger(key, TestContext.Current.CancellationToken);
        return trigger!.GetNextFireTimeUtc()!.Value;
    }
}

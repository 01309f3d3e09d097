using System.Globalization;
using CareFlows.Engine.Hosting;
using CareFlows.Server.Runtime;
using Quartz;

namespace CareFlows.Server.Scheduling;

/// <summary>
/// Arms the Timer, Cron and StartAt triggers of every published version: each gets a Quartz job that starts an
/// instance when it fires and then arms the next occurrence. Occurrences are computed by the engine (Cronos for
/// Elsa's six-field cron), so Quartz's own cron dialect is never involved.
/// </summary>
internal sealed partial class TriggerScheduler(WorkflowCatalog catalog, ISchedulerFactory schedulers, TimeProvider clock, ILogger<TriggerScheduler> logger) : IWorkflowTriggers, IDisposable
{
    public const string Group = "triggers";
    public const string VersionIdKey = "versionId";
    public const string ActivityIdKey = "activityId";
    public const string PublishedAtKey = "publishedAt";

    private readonly SemaphoreSlim _refreshing = new(1, 1);

    public void Dispose() => _refreshing.Dispose();

    public async Task RefreshAsync(CancellationToken cancellationToken = default)
    {
        await _refreshing.WaitAsync(cancellationToken);
        try
        {
            foreach (var (record, error) in await catalog.RefreshTriggersAsync(cancellationToken))
            {
                LogCannotRun(logger, error, record.DefinitionId, record.Version);
            }

            var scheduler = await schedulers.GetScheduler(cancellationToken);
            var armed = await scheduler.GetJobKeys(Quartz.Impl.Matchers.GroupMatcher<JobKey>.GroupEquals(Group), cancellationToken);
            await scheduler.DeleteJobs(armed, cancellationToken);
            var now = clock.GetUtcNow();
            foreach (var published in catalog.Triggers)
            {
                await ArmAsync(scheduler, published.Workflow.DefinitionVersionId, published.Trigger.ActivityId, new DateTimeOffset(published.PublishedAt, TimeSpan.Zero), now, cancellationToken);
            }
        }
        finally
        {
            _refreshing.Release();
        }
    }

    /// <summary>Schedules the trigger's next occurrence after <paramref name="after"/>, if it has one.</summary>
    public async Task ArmAsync(IScheduler scheduler, string versionId, string activityId, DateTimeOffset publishedAt, DateTimeOffset after, CancellationToken cancellationToken)
    {
        var published = catalog.Triggers.FirstOrDefault(t => t.Workflow.DefinitionVersionId == versionId && t.Trigger.ActivityId == activityId);
        if (published is null || TriggerSchedule.NextFire(published.Trigger, publishedAt, after) is not { } next)
        {
            return;
        }

        var key = $"{versionId}:{activityId}";
        var job = JobBuilder.Create<StartTriggerJob>()
            .WithIdentity(key, Group)
            .UsingJobData(VersionIdKey, versionId)
            .UsingJobData(ActivityIdKey, activityId)
            .UsingJobData(PublishedAtKey, publishedAt.ToString("O", CultureInfo.InvariantCulture))
            .Build();
        var trigger = TriggerBuilder.Create()
            .WithIdentity(key, Group)
            .StartAt(next)
            .WithSimpleSchedule(s => s.WithMisfireHandlingInstructionFireNow())
            .Build();
        await scheduler.ScheduleJobs(new Dictionary<IJobDetail, IReadOnlyCollection<ITrigger>> { [job] = [trigger] }, replace: true, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Published definition {DefinitionId} version {Version} cannot run; its triggers are not armed.")]
    private static partial void LogCannotRun(ILogger logger, Exception exception, string definitionId, int version);
}

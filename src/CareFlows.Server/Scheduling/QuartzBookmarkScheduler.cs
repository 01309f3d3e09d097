using CareFlows.Engine.Ports;
using Quartz;

namespace CareFlows.Server.Scheduling;

/// <summary>
/// One Quartz job per timer bookmark, keyed by the bookmark id, whose only work is to resume it. A time already
/// passed fires at once. Quartz keeps no durable state here: the bookmarks table is the source of truth.
/// </summary>
internal sealed class QuartzBookmarkScheduler(ISchedulerFactory schedulers) : IBookmarkScheduler
{
    public const string Group = "bookmarks";

    public async Task ScheduleAsync(IReadOnlyCollection<ScheduledBookmark> bookmarks, CancellationToken cancellationToken = default)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var jobs = new Dictionary<IJobDetail, IReadOnlyCollection<ITrigger>>(bookmarks.Count);
        foreach (var bookmark in bookmarks)
        {
            var job = JobBuilder.Create<ResumeTimerJob>()
                .WithIdentity(bookmark.BookmarkId, Group)
                .UsingJobData(ResumeTimerJob.InstanceIdKey, bookmark.InstanceId)
                .Build();
            var trigger = TriggerBuilder.Create()
                .WithIdentity(bookmark.BookmarkId, Group)
                .StartAt(bookmark.DueAt)
                .WithSimpleSchedule(s => s.WithMisfireHandlingInstructionFireNow())
                .Build();
            jobs[job] = [trigger];
        }

        await scheduler.ScheduleJobs(jobs, replace: true, cancellationToken);
    }

    public async Task UnscheduleAsync(IReadOnlyCollection<string> bookmarkIds, CancellationToken cancellationToken = default)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        await scheduler.DeleteJobs(bookmarkIds.Select(id => new JobKey(id, Group)).ToList(), cancellationToken);
    }
}

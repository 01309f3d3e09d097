using System.Globalization;
using CareFlows.Server.Runtime;
using Quartz;

namespace CareFlows.Server.Scheduling;

/// <summary>
/// Starts the instance of one occurrence of a published version's timer trigger, then arms the next occurrence. Every
/// node arms every trigger; the occurrence is started once however many nodes fire it (see
/// <see cref="WorkflowRuntime.StartTriggerAsync"/>).
/// </summary>
internal sealed class StartTriggerJob(WorkflowRuntime runtime, TriggerScheduler triggers) : IJob
{
    public async Task Execute(IJobExecutionContext context)
    {
        var data = context.MergedJobDataMap;
        var versionId = data.GetString(TriggerScheduler.VersionIdKey)!;
        var activityId = data.GetString(TriggerScheduler.ActivityIdKey)!;
        var publishedAt = DateTimeOffset.Parse(data.GetString(TriggerScheduler.PublishedAtKey)!, CultureInfo.InvariantCulture);
        var workflow = await runtime.Catalog.GetByVersionIdAsync(versionId, context.CancellationToken);
        var firedFor = context.ScheduledFireTimeUtc ?? context.FireTimeUtc;
        try
        {
            await runtime.StartTriggerAsync(workflow, activityId, firedFor, context.CancellationToken);
        }
        finally
        {
            // A start that failed must not silence the trigger's later occurrences.
            await triggers.ArmAsync(context.Scheduler, versionId, activityId, publishedAt, firedFor, context.CancellationToken);
        }
    }
}

using System.Globalization;
using CareFlows.Engine.Execution;
using CareFlows.Server.Runtime;
using Quartz;

namespace CareFlows.Server.Scheduling;

/// <summary>Starts an instance from a timer trigger of a published version, then arms its next occurrence.</summary>
internal sealed class StartTriggerJob(WorkflowRuntime runtime, TriggerScheduler triggers) : IJob
{
    public async Task Execute(IJobExecutionContext context)
    {
        var data = context.MergedJobDataMap;
        var versionId = data.GetString(TriggerScheduler.VersionIdKey)!;
        var activityId = data.GetString(TriggerScheduler.ActivityIdKey)!;
        var publishedAt = DateTimeOffset.Parse(data.GetString(TriggerScheduler.PublishedAtKey)!, CultureInfo.InvariantCulture);
        var workflow = await runtime.Catalog.GetByVersionIdAsync(versionId, context.CancellationToken);
        await runtime.StartAsync(workflow, new StartRequest { TriggerActivityId = activityId }, context.CancellationToken);
        var firedFor = context.ScheduledFireTimeUtc ?? context.FireTimeUtc;
        await triggers.ArmAsync(context.Scheduler, versionId, activityId, publishedAt, firedFor, context.CancellationToken);
    }
}

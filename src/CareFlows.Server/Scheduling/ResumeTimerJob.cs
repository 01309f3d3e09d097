using CareFlows.Server.Runtime;
using Quartz;

namespace CareFlows.Server.Scheduling;

/// <summary>Resumes a timer bookmark that came due. A bookmark consumed meanwhile makes this a harmless no-op.</summary>
internal sealed partial class ResumeTimerJob(WorkflowRuntime runtime, ILogger<ResumeTimerJob> logger) : IJob
{
    public const string InstanceIdKey = "instanceId";

    public async Task Execute(IJobExecutionContext context)
    {
        var instanceId = context.MergedJobDataMap.GetString(InstanceIdKey)!;
        var bookmarkId = context.JobDetail.Key.Name;
        var outcome = await runtime.FireTimerAsync(instanceId, bookmarkId, context.CancellationToken);
        if (outcome.Status != ResumeStatus.Resumed)
        {
            LogNotResumed(logger, bookmarkId, instanceId, outcome.Status);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Timer {BookmarkId} of instance {InstanceId} fired but was not resumed: {Status}.")]
    private static partial void LogNotResumed(ILogger logger, string bookmarkId, string instanceId, ResumeStatus status);
}

using CareFlows.Server.Runtime;

namespace CareFlows.Server.Scheduling;

/// <summary>
/// Keeps this node's triggers in step with publishes, retires and deletes made on other nodes: every
/// <see cref="RuntimeOptions.PublishedPollInterval"/> it reads the ids of the published versions and, when they
/// changed, re-arms the triggers and forgets the cached published versions. A change on this node takes effect at once.
/// </summary>
internal sealed partial class PublishedVersionsWatcher(
    WorkflowCatalog catalog,
    IWorkflowTriggers triggers,
    RuntimeOptions options,
    TimeProvider clock,
    ILogger<PublishedVersionsWatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.PublishedPollInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                if (await catalog.PublishedChangedAsync(stoppingToken))
                {
                    await triggers.RefreshAsync(stoppingToken);
                    LogRefreshed(logger);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(logger, e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Published versions changed on another node; triggers re-armed.")]
    private static partial void LogRefreshed(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Checking for published versions changed elsewhere failed; trying again at the next interval.")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}

namespace CareFlows.Server.Scheduling;

/// <summary>
/// Quartz keeps its logger factory in a static. When a second host starts in the same process (the test host, the
/// load harness), Quartz would still log through the first host's disposed factory and fail to start; this hosted
/// service, constructed before Quartz's own, points it at the current host's factory.
/// </summary>
internal sealed class QuartzLogging : IHostedService
{
    public QuartzLogging(ILoggerFactory loggers) => Quartz.Logging.LogContext.SetCurrentLogProvider(loggers);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

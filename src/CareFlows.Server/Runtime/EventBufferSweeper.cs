using CareFlows.Server.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CareFlows.Server.Runtime;

/// <summary>Removes buffered events whose time to live has passed: no instance reached their wait point in time.</summary>
internal sealed partial class EventBufferSweeper(IServiceScopeFactory scopes, RuntimeOptions options, TimeProvider clock, ILogger<EventBufferSweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.EventBufferSweepInterval, clock);
        do
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogSweepFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CareFlowsDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var removed = await db.BufferedEvents.Where(e => e.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
        if (removed > 0)
        {
            LogExpired(logger, removed);
        }

        return removed;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed {Count} buffered events that expired before any instance waited for them.")]
    private static partial void LogExpired(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sweeping expired buffered events failed; trying again at the next interval.")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}

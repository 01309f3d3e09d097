using System.Diagnostics;
using CareFlows.Engine.Ports;
using CareFlows.Server.Persistence;
using CareFlows.Server.Runtime;
using Microsoft.EntityFrameworkCore;

namespace CareFlows.Server.Scheduling;

/// <summary>
/// At start-up, arms the triggers of published versions and reschedules every open timer bookmark from the
/// bookmarks table; timers that came due while the server was down fire at once.
/// </summary>
internal sealed partial class TimerRecovery(
    IServiceScopeFactory scopes,
    IWorkflowTriggers triggers,
    IBookmarkScheduler scheduler,
    ILogger<TimerRecovery> logger) : IHostedService
{
    private const int ChunkSize = 10_000;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        await triggers.RefreshAsync(cancellationToken);
        List<ScheduledBookmark> timers;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CareFlowsDbContext>();
            var kind = nameof(Engine.Bookmarks.BookmarkKind.Timer);
            var rows = await db.Bookmarks.AsNoTracking()
                .Where(b => b.Kind == kind && b.DueAt != null)
                .Select(b => new { b.InstanceId, b.Id, b.DueAt })
                .ToListAsync(cancellationToken);
            timers = rows.ConvertAll(r => new ScheduledBookmark(r.InstanceId, r.Id, new DateTimeOffset(r.DueAt!.Value, TimeSpan.Zero)));
        }

        foreach (var chunk in timers.Chunk(ChunkSize))
        {
            await scheduler.ScheduleAsync(chunk, cancellationToken);
        }

        LogRescheduled(logger, timers.Count, watch.ElapsedMilliseconds);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Rescheduled {Count} open timers from the bookmarks table in {Elapsed} ms.")]
    private static partial void LogRescheduled(ILogger logger, int count, long elapsed);
}

using System.Collections.Concurrent;
using System.Threading.Channels;
using CareFlows.Server.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CareFlows.Server.Auth.Sessions;

/// <summary>
/// Writes sessions' last-seen times off the request path, several sessions in one statement. Each session is
/// touched at most once per <see cref="AuthOptions.EffectiveLastSeenInterval"/>, so writes stay rare; on SQLite every
/// write contends with the workflow writer for the database's one write lock.
/// </summary>
public sealed partial class SessionActivity(IServiceScopeFactory scopes, TimeProvider clock, ILogger<SessionActivity> logger) : BackgroundService
{
    private const int StatementSize = 200;
    private static readonly TimeSpan Gather = TimeSpan.FromMilliseconds(250);
    private readonly ConcurrentDictionary<string, byte> _pending = new(StringComparer.Ordinal);
    private readonly Channel<bool> _signal = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Touch(string sessionId)
    {
        if (_pending.TryAdd(sessionId, 0))
        {
            _signal.Writer.TryWrite(true);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await FlushAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await _signal.Reader.WaitToReadAsync(stoppingToken))
            {
                _signal.Reader.TryRead(out _);
                await Task.Delay(Gather, clock, stoppingToken);
                await FlushAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: StopAsync writes what is left.
        }
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        var ids = _pending.Keys.ToList();
        if (ids.Count == 0)
        {
            return;
        }

        foreach (var id in ids)
        {
            _pending.TryRemove(id, out _);
        }

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CareFlowsDbContext>();
            var now = clock.GetUtcNow().UtcDateTime;
            foreach (var chunk in ids.Chunk(StatementSize))
            {
                await db.Sessions
                    .Where(s => chunk.Contains(s.Id) && s.EndedAt == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSeenAt, now), cancellationToken);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A lost last-seen time can only make a session look idle sooner, never keep one alive.
            LogFlushFailed(logger, ids.Count, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not record the last-seen time of {Count} sessions.")]
    private static partial void LogFlushFailed(ILogger logger, int count, Exception exception);
}

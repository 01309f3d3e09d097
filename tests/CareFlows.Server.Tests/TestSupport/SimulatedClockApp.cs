using CareFlows.Engine.Bookmarks;
using CareFlows.Engine.Ports;
using CareFlows.Server.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareFlows.Server.Tests.TestSupport;

/// <summary>
/// The real host with the pathways of <c>workflows/</c> on a clock the test moves: days pass in milliseconds. Timers are
/// not handed to a scheduler that waits in real time; <see cref="AdvanceToAsync"/> fires every timer that comes due on
/// the way, in due order, each at its due time, reading them from the bookmarks table — the same source the scheduler
/// is fed from at start-up.
/// </summary>
public sealed class SimulatedClockApp(DateTimeOffset start) : SqliteApp
{
    public SettableClock Clock { get; } = new(start);

    public DateTimeOffset Now => Clock.GetUtcNow();

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Workflows:Path"] = Path.Combine(AppContext.BaseDirectory, "Pathways"),
    };

    /// <summary>Moves the clock to <paramref name="target"/>, firing each timer due by then at its due time.</summary>
    public async Task AdvanceToAsync(DateTimeOffset target)
    {
        var fired = new HashSet<string>(StringComparer.Ordinal);
        var timer = nameof(BookmarkKind.Timer);
        while (await this.QueryAsync(db => db.Bookmarks.AsNoTracking()
                   .Where(b => b.Kind == timer && b.DueAt != null && b.DueAt <= target.UtcDateTime)
                   .OrderBy(b => b.DueAt).ThenBy(b => b.Id)
                   .Select(b => new { b.InstanceId, b.Id, b.DueAt })
                   .FirstOrDefaultAsync()) is { } next)
        {
            Assert.True(fired.Add(next.Id), $"Timer {next.Id} is still open after it fired.");
            var due = new DateTimeOffset(next.DueAt!.Value, TimeSpan.Zero);
            if (due > Now)
            {
                Clock.SetUtcNow(due);
            }

            await Get<WorkflowRuntime>().FireTimerAsync(next.InstanceId, next.Id, TestContext.Current.CancellationToken);
        }

        if (target > Now)
        {
            Clock.SetUtcNow(target);
        }

        // Sign-ins are as old as the clock says: sign in again rather than carry a token across days.
        ForgetSignIns();
    }

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton<IBookmarkScheduler, UnscheduledTimers>();
    }

    /// <summary>
    /// A clock the test sets. Only the time it tells is simulated: its timers run in real time, so the host's periodic
    /// housekeeping does not run once for every few minutes of the days a scenario skips.
    /// </summary>
    public sealed class SettableClock(DateTimeOffset start) : TimeProvider
    {
        private long _ticks = start.UtcTicks;

        public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

        public void SetUtcNow(DateTimeOffset now)
        {
            Assert.True(now >= GetUtcNow(), "Time does not go backwards.");
            Interlocked.Exchange(ref _ticks, now.UtcTicks);
        }
    }

    /// <summary>Timers wait in the bookmarks table until the test moves the clock past them.</summary>
    private sealed class UnscheduledTimers : IBookmarkScheduler
    {
        public Task ScheduleAsync(IReadOnlyCollection<ScheduledBookmark> bookmarks, CancellationToken cancellationToken = default) => Task.CompletedTask;

        public Task UnscheduleAsync(IReadOnlyCollection<string> bookmarkIds, CancellationToken cancellationToken = default) => Task.CompletedTask;
    }
}

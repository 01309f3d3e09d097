namespace CareFlows.Engine.Hosting;

/// <summary>
/// A clock that stands still until it is moved: moving it fires every timer that comes due on the way, in due order,
/// each at its own time (so a timer one fires and that comes due before the destination fires too). With
/// <see cref="InMemoryWorkflowHost"/> it runs a workflow on simulated time: weeks of deadlines in one request.
/// </summary>
public sealed class SimulatedClock(DateTimeOffset start) : TimeProvider
{
    private readonly Lock _lock = new();
    private readonly List<SimulatedTimer> _timers = [];
    private DateTimeOffset _now = start;
    private long _created;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_lock)
        {
            return _now;
        }
    }

    /// <summary>When the next timer comes due, or null when none is waiting.</summary>
    public DateTimeOffset? NextDueAt
    {
        get
        {
            lock (_lock)
            {
                return _timers.Count == 0 ? null : _timers.Min(t => t.DueAt);
            }
        }
    }

    /// <summary>Moves the clock to <paramref name="destination"/> (never backwards), firing what comes due on the way.</summary>
    public void AdvanceTo(DateTimeOffset destination)
    {
        while (true)
        {
            SimulatedTimer? due;
            lock (_lock)
            {
                due = _timers.Where(t => t.DueAt <= destination).OrderBy(t => t.DueAt).ThenBy(t => t.Order).FirstOrDefault();
                if (due is null)
                {
                    if (destination > _now)
                    {
                        _now = destination;
                    }

                    return;
                }

                if (due.DueAt > _now)
                {
                    _now = due.DueAt;
                }

                due.Fired();
            }

            // Outside the lock: the callback may read the clock and create or cancel timers.
            due.Invoke();
        }
    }

    public void AdvanceBy(TimeSpan amount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(amount, TimeSpan.Zero);
        AdvanceTo(GetUtcNow() + amount);
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new SimulatedTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    private void Schedule(SimulatedTimer timer, DateTimeOffset? dueAt)
    {
        lock (_lock)
        {
            _timers.Remove(timer);
            if (dueAt is { } at)
            {
                timer.DueAt = at;
                timer.Order = ++_created;
                _timers.Add(timer);
            }
        }
    }

    private sealed class SimulatedTimer(SimulatedClock clock, TimerCallback callback, object? state) : ITimer
    {
        private TimeSpan _period = Timeout.InfiniteTimeSpan;

        public DateTimeOffset DueAt { get; set; }

        public long Order { get; set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            _period = period;
            clock.Schedule(this, dueTime == Timeout.InfiniteTimeSpan ? null : clock.GetUtcNow() + (dueTime < TimeSpan.Zero ? TimeSpan.Zero : dueTime));
            return true;
        }

        /// <summary>Called under the clock's lock: a periodic timer is due again one period later, a one-shot is done.</summary>
        public void Fired()
        {
            clock._timers.Remove(this);
            if (_period > TimeSpan.Zero && _period != Timeout.InfiniteTimeSpan)
            {
                DueAt += _period;
                Order = ++clock._created;
                clock._timers.Add(this);
            }
        }

        public void Invoke() => callback(state);

        public void Dispose() => clock.Schedule(this, null);

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}

using CareFlows.Engine.Hosting;

namespace CareFlows.Engine.Tests.Hosting;

public sealed class SimulatedClockTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void It_stands_still_until_moved()
    {
        var clock = new SimulatedClock(Start);

        Assert.Equal(Start, clock.GetUtcNow());
        clock.AdvanceBy(TimeSpan.FromHours(2));
        Assert.Equal(Start.AddHours(2), clock.GetUtcNow());
    }

    [Fact]
    public void Moving_fires_due_timers_in_due_order_each_at_its_own_time()
    {
        var clock = new SimulatedClock(Start);
        var fired = new List<(string Name, DateTimeOffset At)>();
        using var late = clock.CreateTimer(_ => fired.Add(("late", clock.GetUtcNow())), null, TimeSpan.FromDays(2), Timeout.InfiniteTimeSpan);
        using var early = clock.CreateTimer(_ => fired.Add(("early", clock.GetUtcNow())), null, TimeSpan.FromHours(1), Timeout.InfiniteTimeSpan);
        using var beyond = clock.CreateTimer(_ => fired.Add(("beyond", clock.GetUtcNow())), null, TimeSpan.FromDays(5), Timeout.InfiniteTimeSpan);

        clock.AdvanceTo(Start.AddDays(3));

        Assert.Equal([("early", Start.AddHours(1)), ("late", Start.AddDays(2))], fired);
        Assert.Equal(Start.AddDays(3), clock.GetUtcNow());
        Assert.Equal(Start.AddDays(5), clock.NextDueAt);
    }

    [Fact]
    public void A_timer_created_by_a_firing_timer_fires_too_when_it_comes_due_on_the_way()
    {
        var clock = new SimulatedClock(Start);
        var fired = new List<DateTimeOffset>();
        ITimer? second = null;
        using var first = clock.CreateTimer(_ =>
        {
            fired.Add(clock.GetUtcNow());
            second = clock.CreateTimer(_ => fired.Add(clock.GetUtcNow()), null, TimeSpan.FromHours(1), Timeout.InfiniteTimeSpan);
        }, null, TimeSpan.FromHours(1), Timeout.InfiniteTimeSpan);

        clock.AdvanceBy(TimeSpan.FromHours(3));

        Assert.Equal([Start.AddHours(1), Start.AddHours(2)], fired);
        second?.Dispose();
    }

    [Fact]
    public void A_disposed_timer_never_fires_and_a_changed_one_fires_at_its_new_time()
    {
        var clock = new SimulatedClock(Start);
        var fired = new List<string>();
        var cancelled = clock.CreateTimer(_ => fired.Add("cancelled"), null, TimeSpan.FromMinutes(5), Timeout.InfiniteTimeSpan);
        using var moved = clock.CreateTimer(_ => fired.Add("moved"), null, TimeSpan.FromMinutes(5), Timeout.InfiniteTimeSpan);
        cancelled.Dispose();
        moved.Change(TimeSpan.FromMinutes(30), Timeout.InfiniteTimeSpan);

        clock.AdvanceBy(TimeSpan.FromMinutes(10));
        Assert.Empty(fired);
        clock.AdvanceBy(TimeSpan.FromMinutes(20));
        Assert.Equal(["moved"], fired);
        Assert.Null(clock.NextDueAt);
    }

    [Fact]
    public void It_never_moves_backwards()
    {
        var clock = new SimulatedClock(Start);

        clock.AdvanceTo(Start.AddHours(-1));

        Assert.Equal(Start, clock.GetUtcNow());
        Assert.Throws<ArgumentOutOfRangeException>(() => clock.AdvanceBy(TimeSpan.FromSeconds(-1)));
    }
}

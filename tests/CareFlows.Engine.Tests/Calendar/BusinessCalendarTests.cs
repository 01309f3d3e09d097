using CareFlows.Engine.Calendar;
using static CareFlows.Engine.Tests.Calendar.CalendarTesting;

namespace CareFlows.Engine.Tests.Calendar;

public class BusinessCalendarTests
{
    [Fact]
    public void A_Friday_discharge_plus_two_business_days_is_Tuesday_at_end_of_business()
    {
        var deadline = NewYork.AddBusinessDays(Utc("2026-11-20T15:30:00Z"), 2);

        Assert.Equal(Utc("2026-11-24T22:00:00Z"), deadline);
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 17, 0, 0, TimeSpan.FromHours(-5)), deadline);
        Assert.Equal(TimeSpan.FromHours(-5), deadline.Offset);
    }

    [Fact]
    public void Thanksgiving_moves_a_Wednesday_plus_one_deadline_to_Friday()
    {
        var deadline = NewYork.AddBusinessDays(Utc("2026-11-25T14:00:00Z"), 1);

        Assert.Equal(new DateTimeOffset(2026, 11, 27, 17, 0, 0, TimeSpan.FromHours(-5)), deadline);
        Assert.False(NewYork.IsBusinessDay(new DateOnly(2026, 11, 26)));
    }

    [Fact]
    public void The_time_of_day_does_not_matter_only_the_local_date()
    {
        var early = NewYork.AddBusinessDays(new DateTimeOffset(2026, 11, 20, 0, 1, 0, TimeSpan.FromHours(-5)), 2);
        var late = NewYork.AddBusinessDays(new DateTimeOffset(2026, 11, 20, 23, 59, 0, TimeSpan.FromHours(-5)), 2);

        Assert.Equal(early, late);
    }

    [Fact]
    public void Zero_business_days_is_the_end_of_that_day_or_of_the_next_business_day()
    {
        Assert.Equal(Utc("2026-11-20T22:00:00Z"), NewYork.AddBusinessDays(Utc("2026-11-20T15:00:00Z"), 0));
        Assert.Equal(Utc("2026-11-23T22:00:00Z"), NewYork.AddBusinessDays(Utc("2026-11-21T15:00:00Z"), 0));
        Assert.Equal(Utc("2026-11-27T22:00:00Z"), NewYork.AddBusinessDays(Utc("2026-11-26T15:00:00Z"), 0));
    }

    [Fact]
    public void EndOfBusinessDay_is_that_days_close_even_after_hours_and_the_next_business_days_on_a_day_off()
    {
        Assert.Equal(Utc("2026-11-20T22:00:00Z"), NewYork.EndOfBusinessDay(Utc("2026-11-20T23:30:00Z")));
        Assert.Equal(Utc("2026-11-23T22:00:00Z"), NewYork.EndOfBusinessDay(Utc("2026-11-22T12:00:00Z")));
        Assert.Equal(Utc("2026-11-27T22:00:00Z"), NewYork.EndOfBusinessDay(Utc("2026-11-26T12:00:00Z")));
    }

    [Fact]
    public void Negative_business_days_count_backwards()
    {
        Assert.Equal(Utc("2026-11-20T22:00:00Z"), NewYork.AddBusinessDays(Utc("2026-11-24T15:00:00Z"), -2));
        Assert.Equal(new DateOnly(2026, 11, 20), NewYork.AddBusinessDays(new DateOnly(2026, 11, 22), -1));
        Assert.Equal(new DateOnly(2026, 11, 25), NewYork.AddBusinessDays(new DateOnly(2026, 11, 27), -1));
    }

    [Theory]
    [InlineData(BusinessCalendar.MaxBusinessDays + 1)]
    [InlineData(-BusinessCalendar.MaxBusinessDays - 1)]
    [InlineData(int.MinValue)]
    public void A_step_of_more_than_the_maximum_is_refused(int n) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => NewYork.AddBusinessDays(new DateOnly(2026, 1, 5), n));

    [Fact]
    public void NextBusinessDay_is_strictly_after_the_date_and_skips_weekends_and_holidays()
    {
        Assert.Equal(new DateOnly(2026, 11, 23), NewYork.NextBusinessDay(new DateOnly(2026, 11, 20)));
        Assert.Equal(new DateOnly(2026, 11, 27), NewYork.NextBusinessDay(new DateOnly(2026, 11, 25)));
        Assert.Equal(new DateOnly(2026, 11, 24), NewYork.NextBusinessDay(new DateOnly(2026, 11, 23)));
    }

    [Fact]
    public void Configured_working_days_replace_Monday_to_Friday()
    {
        var calendar = new BusinessCalendar(new BusinessCalendarOptions
        {
            WorkingDays = [DayOfWeek.Sunday, DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday],
        });

        Assert.False(calendar.IsBusinessDay(new DateOnly(2026, 11, 20)));
        Assert.True(calendar.IsBusinessDay(new DateOnly(2026, 11, 22)));
        Assert.Equal(new DateOnly(2026, 11, 23), calendar.AddBusinessDays(new DateOnly(2026, 11, 19), 2));
    }

    [Fact]
    public void A_configured_end_of_business_day_sets_the_deadline_time()
    {
        var calendar = new BusinessCalendar(new BusinessCalendarOptions { StartOfBusinessDay = new(7, 0), EndOfBusinessDay = new(18, 30) });

        Assert.Equal(Utc("2026-11-24T23:30:00Z"), calendar.AddBusinessDays(Utc("2026-11-20T15:00:00Z"), 2));
        Assert.Equal(Utc("2026-11-24T12:00:00Z"), calendar.OpensAt(new DateOnly(2026, 11, 24)));
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons", null, 8, 17, "time zone")]
    [InlineData("America/New_York", "", 8, 17, "working day")]
    [InlineData("America/New_York", null, 17, 8, "start")]
    [InlineData("America/New_York", null, 9, 9, "start")]
    public void Options_that_make_no_calendar_are_refused(string zone, string? workingDays, int start, int end, string complaint)
    {
        var options = new BusinessCalendarOptions
        {
            TimeZone = zone,
            WorkingDays = workingDays is null ? null : [],
            StartOfBusinessDay = new(start, 0),
            EndOfBusinessDay = new(end, 0),
        };

        var error = Assert.Throws<ArgumentException>(() => new BusinessCalendar(options));
        Assert.Contains(complaint, error.Message, StringComparison.Ordinal);
    }
}

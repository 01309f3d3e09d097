using CareFlows.Engine.Calendar;
using static CareFlows.Engine.Tests.Calendar.CalendarTesting;

namespace CareFlows.Engine.Tests.Calendar;

public class BusinessCalendarTimeZoneTests
{
    private static BusinessCalendar In(string zone, Action<BusinessCalendarOptions>? configure = null)
    {
        var options = new BusinessCalendarOptions { TimeZone = zone };
        configure?.Invoke(options);
        return new BusinessCalendar(options);
    }

    [Fact]
    public void A_deadline_across_the_fall_back_change_stays_at_five_in_the_afternoon_local()
    {
        // Friday 30 October 2026 is daylight time (UTC-4); the clocks go back on Sunday 1 November.
        var deadline = NewYork.AddBusinessDays(Utc("2026-10-30T16:00:00Z"), 2);

        Assert.Equal(Utc("2026-11-03T22:00:00Z"), deadline);
        Assert.Equal(TimeSpan.FromHours(-5), deadline.Offset);
        Assert.Equal(Utc("2026-10-30T21:00:00Z"), NewYork.EndOfBusinessDay(Utc("2026-10-30T16:00:00Z")));
    }

    [Fact]
    public void A_deadline_across_the_spring_forward_change_stays_at_five_in_the_afternoon_local()
    {
        // Friday 6 March 2026 is standard time (UTC-5); the clocks go forward on Sunday 8 March.
        var deadline = NewYork.AddBusinessDays(Utc("2026-03-06T15:00:00Z"), 1);

        Assert.Equal(Utc("2026-03-09T21:00:00Z"), deadline);
        Assert.Equal(TimeSpan.FromHours(-4), deadline.Offset);
        Assert.Equal(new DateTimeOffset(2026, 3, 9, 17, 0, 0, TimeSpan.FromHours(-4)), deadline);
    }

    [Fact]
    public void An_instant_already_Saturday_in_UTC_but_Friday_in_New_York_counts_as_Friday()
    {
        var fridayEvening = Utc("2026-11-21T02:30:00Z");

        Assert.Equal(new DateOnly(2026, 11, 20), NewYork.LocalDate(fridayEvening));
        Assert.Equal(Utc("2026-11-24T22:00:00Z"), NewYork.AddBusinessDays(fridayEvening, 2));
        Assert.Equal(Utc("2026-11-20T22:00:00Z"), NewYork.EndOfBusinessDay(fridayEvening));
        Assert.Equal(0, NewYork.BusinessDaysBetween(Utc("2026-11-20T14:00:00Z"), fridayEvening));
    }

    [Fact]
    public void A_calendar_in_Los_Angeles_ends_the_day_at_five_Pacific_time()
    {
        var losAngeles = In("America/Los_Angeles");

        // 06:00 UTC on Saturday is still 22:00 on Friday in Los Angeles, but already 01:00 on Saturday in New York.
        var instant = Utc("2026-11-21T06:00:00Z");
        Assert.Equal(Utc("2026-11-25T01:00:00Z"), losAngeles.AddBusinessDays(instant, 2));
        Assert.Equal(Utc("2026-11-24T22:00:00Z"), NewYork.AddBusinessDays(instant, 2));
        Assert.Equal(Utc("2026-11-25T22:00:00Z"), NewYork.AddBusinessDays(instant, 3));
    }

    [Fact]
    public void A_calendar_in_Honolulu_has_no_daylight_saving()
    {
        var honolulu = In("Pacific/Honolulu");

        var deadline = honolulu.AddBusinessDays(Utc("2026-10-30T20:00:00Z"), 2);

        Assert.Equal(Utc("2026-11-04T03:00:00Z"), deadline);
        Assert.Equal(TimeSpan.FromHours(-10), deadline.Offset);
        Assert.Equal(Utc("2026-03-10T03:00:00Z"), honolulu.AddBusinessDays(Utc("2026-03-06T20:00:00Z"), 1));
    }

    [Fact]
    public void A_Windows_time_zone_id_is_understood_too() =>
        Assert.Equal(Utc("2026-11-24T22:00:00Z"), In("Eastern Standard Time").AddBusinessDays(Utc("2026-11-20T15:00:00Z"), 2));

    [Fact]
    public void A_local_time_the_clocks_skip_moves_past_the_gap_and_one_they_repeat_is_its_first_occurrence()
    {
        Assert.Equal(Utc("2026-03-08T07:30:00Z"), NewYork.AtLocalTime(new DateOnly(2026, 3, 8), new TimeOnly(2, 30)));
        Assert.Equal(Utc("2026-11-01T05:30:00Z"), NewYork.AtLocalTime(new DateOnly(2026, 11, 1), new TimeOnly(1, 30)));
    }

    [Fact]
    public void A_business_day_ending_inside_the_spring_forward_gap_ends_just_after_it()
    {
        var calendar = In("America/New_York", o =>
        {
            o.WorkingDays = [DayOfWeek.Sunday];
            o.StartOfBusinessDay = new(1, 0);
            o.EndOfBusinessDay = new(2, 30);
        });

        var deadline = calendar.EndOfBusinessDay(Utc("2026-03-06T15:00:00Z"));

        Assert.Equal(new DateTimeOffset(2026, 3, 8, 3, 30, 0, TimeSpan.FromHours(-4)), deadline);
    }
}

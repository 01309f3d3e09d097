using CareFlows.Engine.Calendar;
using static CareFlows.Engine.Tests.Calendar.CalendarTesting;

namespace CareFlows.Engine.Tests.Calendar;

public class BusinessCalendarHolidayTests
{
    [Fact]
    public void Independence_Day_on_a_Saturday_is_observed_on_Friday_the_3rd()
    {
        Assert.False(NewYork.IsBusinessDay(new DateOnly(2026, 7, 3)));
        Assert.True(NewYork.IsHoliday(new DateOnly(2026, 7, 3)));
        Assert.Equal(new DateOnly(2026, 7, 6), NewYork.AddBusinessDays(new DateOnly(2026, 7, 2), 1));
    }

    [Fact]
    public void A_holiday_on_a_Sunday_is_observed_on_the_Monday_after()
    {
        // Independence Day 2027 is a Sunday.
        Assert.False(NewYork.IsBusinessDay(new DateOnly(2027, 7, 5)));
        Assert.True(NewYork.IsBusinessDay(new DateOnly(2027, 7, 2)));
    }

    [Fact]
    public void New_Years_Day_on_a_Saturday_is_observed_on_the_31st_of_December_before()
    {
        // 1 January 2022 was a Saturday.
        Assert.False(NewYork.IsBusinessDay(new DateOnly(2021, 12, 31)));
        Assert.Equal(new DateOnly(2022, 1, 3), NewYork.NextBusinessDay(new DateOnly(2021, 12, 30)));
    }

    [Theory]
    [InlineData(2026, 1, 1)]
    [InlineData(2026, 1, 19)]
    [InlineData(2026, 2, 16)]
    [InlineData(2026, 5, 25)]
    [InlineData(2026, 6, 19)]
    [InlineData(2026, 9, 7)]
    [InlineData(2026, 10, 12)]
    [InlineData(2026, 11, 11)]
    [InlineData(2026, 11, 26)]
    [InlineData(2026, 12, 25)]
    public void The_federal_holidays_of_2026_are_not_business_days(int year, int month, int day) =>
        Assert.False(NewYork.IsBusinessDay(new DateOnly(year, month, day)));

    [Fact]
    public void Configured_extra_holidays_are_days_off()
    {
        var calendar = new BusinessCalendar(new BusinessCalendarOptions { ExtraHolidays = [new DateOnly(2026, 11, 27), new DateOnly(2026, 12, 24)] });

        Assert.False(calendar.IsBusinessDay(new DateOnly(2026, 11, 27)));
        Assert.False(calendar.IsBusinessDay(new DateOnly(2026, 12, 24)));
        Assert.Equal(new DateOnly(2026, 11, 30), calendar.AddBusinessDays(new DateOnly(2026, 11, 25), 1));
        Assert.Equal(1, calendar.BusinessDaysBetween(new DateOnly(2026, 11, 25), new DateOnly(2026, 11, 30)));
    }

    [Fact]
    public void Without_the_federal_set_only_weekends_and_extra_holidays_are_days_off()
    {
        var calendar = new BusinessCalendar(new BusinessCalendarOptions { UsFederalHolidays = false, ExtraHolidays = [new DateOnly(2026, 12, 24)] });

        Assert.True(calendar.IsBusinessDay(new DateOnly(2026, 11, 26)));
        Assert.True(calendar.IsBusinessDay(new DateOnly(2026, 7, 3)));
        Assert.False(calendar.IsBusinessDay(new DateOnly(2026, 12, 24)));
        Assert.Equal(new DateOnly(2026, 11, 26), calendar.AddBusinessDays(new DateOnly(2026, 11, 25), 1));
    }
}

using static CareFlows.Engine.Tests.Calendar.CalendarTesting;

namespace CareFlows.Engine.Tests.Calendar;

public class BusinessDaysBetweenTests
{
    [Fact]
    public void From_Friday_to_Tuesday_across_a_weekend_is_two()
    {
        Assert.Equal(2, NewYork.BusinessDaysBetween(Utc("2026-11-20T15:00:00Z"), Utc("2026-11-24T15:00:00Z")));
        Assert.Equal(-2, NewYork.BusinessDaysBetween(Utc("2026-11-24T15:00:00Z"), Utc("2026-11-20T15:00:00Z")));
    }

    [Fact]
    public void Across_Thanksgiving_and_a_weekend_only_Friday_and_Monday_count()
    {
        Assert.Equal(2, NewYork.BusinessDaysBetween(new DateOnly(2026, 11, 25), new DateOnly(2026, 11, 30)));
        Assert.Equal(0, NewYork.BusinessDaysBetween(new DateOnly(2026, 11, 25), new DateOnly(2026, 11, 26)));
    }

    [Fact]
    public void The_same_local_date_is_zero_whatever_the_times() =>
        Assert.Equal(0, NewYork.BusinessDaysBetween(Utc("2026-11-20T13:00:00Z"), Utc("2026-11-21T04:00:00Z")));

    [Fact]
    public void A_whole_year_counts_its_weekdays_less_its_federal_holidays() =>
        // 2026 has 261 weekdays; 1 January is not counted (the count starts after it) and ten more are holidays.
        Assert.Equal(250, NewYork.BusinessDaysBetween(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31)));

    [Theory]
    [InlineData("2026-11-20", 2)]
    [InlineData("2026-11-25", 1)]
    [InlineData("2026-12-23", 7)]
    [InlineData("2021-12-29", 3)]
    [InlineData("2026-01-01", 400)]
    public void Counting_the_business_days_to_a_deadline_gives_the_days_added(string from, int n)
    {
        var date = Date(from);

        Assert.Equal(n, NewYork.BusinessDaysBetween(date, NewYork.AddBusinessDays(date, n)));
        Assert.Equal(-n, NewYork.BusinessDaysBetween(NewYork.AddBusinessDays(date, n), date));
    }
}

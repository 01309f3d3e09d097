using CareFlows.Engine.Calendar;
using CareFlows.Engine.Expressions;
using CareFlows.Engine.Expressions.Liquid;
using CareFlows.Engine.Tests.Expressions;

namespace CareFlows.Engine.Tests.Calendar;

public class BusinessCalendarLiquidTests
{
    private readonly TestExpressionScope _scope = new TestExpressionScope
    {
        Now = new DateTimeOffset(2026, 11, 25, 14, 0, 0, TimeSpan.Zero),
    }.With("DischargedAt", new DateTimeOffset(2026, 11, 20, 10, 30, 0, TimeSpan.FromHours(-5)));

    private object? Render(string template, BusinessCalendar? calendar = null, Type? resultType = null) =>
        ExpressionTesting.Evaluate(new LiquidSyntax(calendar: calendar), template, _scope, resultType ?? typeof(string));

    [Fact]
    public void add_business_days_gives_a_date_at_end_of_business()
    {
        Assert.Equal("2026-11-24 17:00 -0500", Render("{{ DischargedAt | add_business_days: 2 | date: '%Y-%m-%d %H:%M %z' }}"));
        Assert.Equal(
            new DateTimeOffset(2026, 11, 24, 22, 0, 0, TimeSpan.Zero),
            Render("{{ Variables.DischargedAt | add_business_days: 2 }}", resultType: typeof(DateTimeOffset)));
    }

    [Fact]
    public void end_of_calendar_day_counts_calendar_days_in_the_organisations_zone() =>
        Assert.Equal("2026-11-27 23:59 -0500", Render("{{ DischargedAt | end_of_calendar_day: 7 | date: '%Y-%m-%d %H:%M %z' }}"));

    [Fact]
    public void local_date_is_the_organisations_date_of_an_instant() =>
        Assert.Equal("2027-01-29", Render("{{ '2027-01-30T04:59:59Z' | local_date }}"));

    [Fact]
    public void Dates_may_be_ISO_strings_or_now()
    {
        Assert.Equal("2026-11-27 17:00 -0500", Render("{{ '2026-11-25' | add_business_days: 1 | date: '%Y-%m-%d %H:%M %z' }}"));
        Assert.Equal("2026-11-27 17:00 -0500", Render("{{ 'now' | add_business_days: 1 | date: '%Y-%m-%d %H:%M %z' }}"));
        Assert.Equal("2026-11-03 17:00 -0500", Render("{{ '2026-10-30T16:00:00Z' | add_business_days: 2 | date: '%Y-%m-%d %H:%M %z' }}"));
    }

    [Fact]
    public void end_of_business_day_and_business_days_between_use_the_calendar()
    {
        Assert.Equal("2026-11-27 17:00 -0500", Render("{{ '2026-11-26T15:00:00Z' | end_of_business_day | date: '%Y-%m-%d %H:%M %z' }}"));
        Assert.Equal("2", Render("{{ DischargedAt | business_days_between: '2026-11-24' }}"));
        Assert.Equal("Call by day 2 of 2", Render("Call by day {{ '2026-11-25' | business_days_between: '2026-11-30' }} of 2"));
    }

    [Fact]
    public void The_filters_use_the_calendar_the_syntax_was_given()
    {
        var withFridayOff = new BusinessCalendar(new BusinessCalendarOptions { ExtraHolidays = [new DateOnly(2026, 11, 27)] });

        Assert.Equal("2026-11-30 17:00 -0500", Render("{{ '2026-11-25' | add_business_days: 1 | date: '%Y-%m-%d %H:%M %z' }}", withFridayOff));
    }

    [Theory]
    [InlineData("{{ 'next week' | add_business_days: 1 }}", "add_business_days needs a date")]
    [InlineData("{{ '2026-11-20' | add_business_days: 1.5 }}", "whole number of business days")]
    [InlineData("{{ '2026-11-20' | business_days_between: nothing }}", "business_days_between needs a date")]
    public void Bad_arguments_fail_the_template(string template, string message)
    {
        var error = Assert.Throws<ExpressionEvaluationException>(() => Render(template));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}

using CareFlows.Engine.Calendar;
using CareFlows.Engine.Expressions;
using CareFlows.Engine.Expressions.JavaScript;
using CareFlows.Engine.Tests.Expressions;

namespace CareFlows.Engine.Tests.Calendar;

public class BusinessCalendarJavaScriptTests
{
    private static readonly DateTimeOffset FridayDischarge = new(2026, 11, 20, 10, 30, 0, TimeSpan.FromHours(-5));

    private readonly TestExpressionScope _scope = new TestExpressionScope().With("DischargedAt", FridayDischarge);

    private object? Run(string script, BusinessCalendar? calendar = null, Type? resultType = null) =>
        ExpressionTesting.Evaluate(new JavaScriptSyntax(calendar: calendar), script, _scope, resultType);

    [Fact]
    public void addBusinessDays_gives_a_Date_at_end_of_business()
    {
        Assert.Equal("2026-11-24T22:00:00.000Z", Run("addBusinessDays(getVariable('DischargedAt'), 2).toISOString()"));
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 22, 0, 0, TimeSpan.Zero), Run("addBusinessDays(variables.DischargedAt, 2)"));
        Assert.Equal(true, Run("addBusinessDays(variables.DischargedAt, 2) instanceof Date"));
    }

    [Fact]
    public void Dates_may_be_ISO_strings_and_a_date_alone_is_that_day_in_the_organisations_zone()
    {
        Assert.Equal("2026-11-27T22:00:00.000Z", Run("addBusinessDays('2026-11-25', 1).toISOString()"));
        Assert.Equal("2026-11-24T22:00:00.000Z", Run("addBusinessDays('2026-11-21T02:30:00Z', 2).toISOString()"));
        Assert.Equal("2026-11-03T22:00:00.000Z", Run("addBusinessDays(new Date('2026-10-30T16:00:00Z'), 2).toISOString()"));
    }

    [Fact]
    public void endOfCalendarDay_gives_the_last_second_of_the_local_day_n_days_later_weekends_and_holidays_included()
    {
        // Day 7 after a Friday discharge is the Friday after, the day after Thanksgiving; day 29 ends the 30-day period.
        Assert.Equal("2026-11-28T04:59:59.000Z", Run("endOfCalendarDay(variables.DischargedAt, 7).toISOString()"));
        Assert.Equal("2026-12-20T04:59:59.000Z", Run("endOfCalendarDay(variables.DischargedAt, 29).toISOString()"));
        Assert.Equal("2026-11-21T04:59:59.000Z", Run("endOfCalendarDay(variables.DischargedAt).toISOString()"));
        Assert.Throws<ExpressionEvaluationException>(() => Run("endOfCalendarDay(variables.DischargedAt, 1.5)"));
    }

    [Fact]
    public void localDate_is_the_organisations_date_of_an_instant() =>
        Assert.Equal("2027-01-29", Run("localDate('2027-01-30T04:59:59Z')"));

    [Fact]
    public void endOfBusinessDay_and_businessDaysBetween_use_the_calendar()
    {
        Assert.Equal("2026-11-27T22:00:00.000Z", Run("endOfBusinessDay('2026-11-26T15:00:00Z').toISOString()"));
        Assert.Equal(2.0, Run("businessDaysBetween(getVariable('DischargedAt'), '2026-11-24')"));
        Assert.Equal(-2.0, Run("businessDaysBetween('2026-11-30', '2026-11-25')"));
    }

    [Fact]
    public void A_deadline_can_be_stored_in_a_variable()
    {
        _scope.With("Due", null, typeof(DateTimeOffset));

        Run("setVariable('Due', addBusinessDays(getVariable('DischargedAt'), 2))");

        Assert.Equal(new DateTimeOffset(2026, 11, 24, 22, 0, 0, TimeSpan.Zero), _scope.Variable("Due"));
    }

    [Fact]
    public void The_functions_use_the_calendar_the_syntax_was_given()
    {
        var honolulu = new BusinessCalendar(new BusinessCalendarOptions { TimeZone = "Pacific/Honolulu" });

        Assert.Equal("2026-11-25T03:00:00.000Z", Run("addBusinessDays('2026-11-20', 2).toISOString()", honolulu));
    }

    [Theory]
    [InlineData("addBusinessDays('next week', 1)", "addBusinessDays needs a date")]
    [InlineData("addBusinessDays(null, 1)", "addBusinessDays needs a date")]
    [InlineData("addBusinessDays('2026-11-20', 1.5)", "whole number of business days")]
    [InlineData("addBusinessDays('2026-11-20')", "whole number of business days")]
    [InlineData("addBusinessDays('2026-11-20', 1e9)", "whole number of business days")]
    [InlineData("businessDaysBetween('2026-11-20', new Date(NaN))", "businessDaysBetween needs a date")]
    public void Bad_arguments_raise_a_TypeError_the_script_can_catch(string call, string message)
    {
        Assert.Equal(true, Run($"try {{ {call}; false }} catch (e) {{ e instanceof TypeError }}"));
        var error = Assert.Throws<ExpressionEvaluationException>(() => Run(call));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scripts_cannot_replace_the_functions()
    {
        Assert.Equal("function", Run("addBusinessDays = null; typeof addBusinessDays"));
        Assert.Equal("2026-11-24T22:00:00.000Z", Run("addBusinessDays('2026-11-20', 2).toISOString()"));
    }
}

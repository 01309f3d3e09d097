using System.Globalization;
using CareFlows.Engine.Calendar;
using Fluid;
using Fluid.Values;

namespace CareFlows.Engine.Expressions.Liquid;

/// <summary>
/// The business-day filters on the organisation's calendar: <c>{{ d | add_business_days: 2 }}</c> and
/// <c>{{ d | end_of_business_day }}</c> and <c>{{ d | end_of_calendar_day: 7 }}</c> give a date, <c>{{ d | local_date }}</c>
/// the organisation's calendar date as YYYY-MM-DD, <c>{{ a | business_days_between: b }}</c> a number. Dates are
/// Liquid dates, ISO 8601 strings (see <see cref="CalendarArguments"/>), or <c>"now"</c>.
/// </summary>
internal static class CalendarFilters
{
    public static void Register(FilterCollection filters, BusinessCalendar calendar)
    {
        filters.AddFilter("add_business_days", (input, arguments, context) => Done(new DateTimeValue(calendar.AddBusinessDays(
            Instant(calendar, input, context, "add_business_days"),
            CalendarArguments.BusinessDays(arguments.At(0).ToObjectValue(), "add_business_days")))));
        filters.AddFilter("end_of_business_day", (input, _, context) =>
            Done(new DateTimeValue(calendar.EndOfBusinessDay(Instant(calendar, input, context, "end_of_business_day")))));
        filters.AddFilter("end_of_calendar_day", (input, arguments, context) => Done(new DateTimeValue(calendar.EndOfCalendarDay(
            Instant(calendar, input, context, "end_of_calendar_day"),
            arguments.Count > 0 ? CalendarArguments.CalendarDays(arguments.At(0).ToObjectValue(), "end_of_calendar_day") : 0))));
        filters.AddFilter("local_date", (input, _, context) => Done(new StringValue(
            calendar.LocalDate(Instant(calendar, input, context, "local_date")).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))));
        filters.AddFilter("business_days_between", (input, arguments, context) => Done(NumberValue.Create(calendar.BusinessDaysBetween(
            Instant(calendar, input, context, "business_days_between"),
            Instant(calendar, arguments.At(0), context, "business_days_between")))));
    }

    // "now" and "today" are the evaluation's clock, as for Liquid's own date filter.
    private static DateTimeOffset Instant(BusinessCalendar calendar, FluidValue value, TemplateContext context, string filter) =>
        value is StringValue && value.ToStringValue().Trim().ToUpperInvariant() is "NOW" or "TODAY"
            ? context.Now()
            : CalendarArguments.Instant(calendar, value.ToObjectValue(), filter);

    private static ValueTask<FluidValue> Done(FluidValue value) => new(value);
}

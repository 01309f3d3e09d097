using System.Globalization;
using CareFlows.Engine.Calendar;
using Jint.Native;

namespace CareFlows.Engine.Expressions.JavaScript;

/// <summary>
/// The business-day functions on the organisation's calendar: <c>addBusinessDays(date, n)</c> and
/// <c>endOfBusinessDay(date)</c> return a <c>Date</c>, <c>businessDaysBetween(a, b)</c> a number, and
/// <c>endOfCalendarDay(date, n)</c> the last second of the local day n calendar days later, a <c>Date</c>, and
/// <c>localDate(date)</c> the organisation's calendar date of an instant, as <c>YYYY-MM-DD</c> (for titles and messages). Dates are
/// <c>Date</c>s or ISO 8601 strings (see <see cref="CalendarArguments"/>).
/// </summary>
internal static class CalendarGlobals
{
    public static void Install(JavaScriptSandbox sandbox, BusinessCalendar calendar)
    {
        var mapper = sandbox.Mapper;
        DateTimeOffset Date(JsValue[] args, int index, string function) =>
            CalendarArguments.Instant(calendar, mapper.ToClr(ScriptGlobals.Arg(args, index)), function);

        ScriptGlobals.Define(sandbox, "addBusinessDays", args => mapper.ToJs(calendar.AddBusinessDays(
            Date(args, 0, "addBusinessDays"),
            CalendarArguments.BusinessDays(mapper.ToClr(ScriptGlobals.Arg(args, 1)), "addBusinessDays"))));
        ScriptGlobals.Define(sandbox, "endOfBusinessDay", args => mapper.ToJs(calendar.EndOfBusinessDay(Date(args, 0, "endOfBusinessDay"))));
        ScriptGlobals.Define(sandbox, "endOfCalendarDay", args => mapper.ToJs(calendar.EndOfCalendarDay(
            Date(args, 0, "endOfCalendarDay"),
            args.Length > 1 ? CalendarArguments.CalendarDays(mapper.ToClr(args[1]), "endOfCalendarDay") : 0)));
        ScriptGlobals.Define(sandbox, "localDate", args => JsString.Create(calendar.LocalDate(Date(args, 0, "localDate")).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        ScriptGlobals.Define(sandbox, "businessDaysBetween", args => JsNumber.Create(calendar.BusinessDaysBetween(
            Date(args, 0, "businessDaysBetween"),
            Date(args, 1, "businessDaysBetween"))));
    }
}

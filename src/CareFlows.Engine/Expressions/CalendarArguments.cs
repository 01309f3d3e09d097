using System.Globalization;
using CareFlows.Engine.Calendar;

namespace CareFlows.Engine.Expressions;

/// <summary>
/// Reads the arguments of the business-day functions scripts and templates call, the same way for both: a date is
/// an instant (a script <c>Date</c>, a Liquid date) or an ISO 8601 string. A string with only a date
/// (<c>2026-11-20</c>) names that day in the organisation's calendar; a string with a time but no offset is UTC, as
/// everywhere else in the engine.
/// </summary>
internal static class CalendarArguments
{
    public static DateTimeOffset Instant(BusinessCalendar calendar, object? value, string function) => value switch
    {
        DateTimeOffset instant => instant,
        DateTime time => ValueConverter.Convert<DateTimeOffset>(time),
        string text when DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) =>
            calendar.AtLocalTime(date, TimeOnly.MinValue),
        string text when DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant) => instant,
        _ => throw new ArgumentException($"{function} needs a date or an ISO 8601 date string, not {Describe(value)}."),
    };

    public static int BusinessDays(object? value, string function) => WholeDays(value, function, "business days");

    /// <summary>A whole number of calendar days, as <see cref="BusinessDays"/> reads business days.</summary>
    public static int CalendarDays(object? value, string function) => WholeDays(value, function, "days");

    private static int WholeDays(object? value, string function, string unit)
    {
        var number = value switch
        {
            int i => i,
            long l => l,
            double d when double.IsFinite(d) => (decimal)d,
            decimal m => m,
            string s when decimal.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => (decimal?)null,
        };

        if (number is not { } whole || whole != decimal.Truncate(whole) || Math.Abs(whole) > BusinessCalendar.MaxBusinessDays)
        {
            throw new ArgumentException(
                $"{function} needs a whole number of {unit} between -{BusinessCalendar.MaxBusinessDays} and {BusinessCalendar.MaxBusinessDays}, not {Describe(value)}.");
        }

        return (int)whole;
    }

    private static string Describe(object? value) => value switch
    {
        null => "nothing",
        string s => $"\"{(s.Length > 60 ? s[..60] + "…" : s)}\"",
        _ => ValueConverter.ToText(value) ?? value.GetType().Name,
    };
}

using System.Globalization;
using CareFlows.Engine.Calendar;

namespace CareFlows.Engine.Tests.Calendar;

/// <summary>The default calendar (New York, Monday to Friday, US federal holidays) and short ways to write dates.</summary>
internal static class CalendarTesting
{
    public static BusinessCalendar NewYork { get; } = new();

    public static DateTimeOffset Utc(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture);

    public static DateOnly Date(string iso) => DateOnly.Parse(iso, CultureInfo.InvariantCulture);
}

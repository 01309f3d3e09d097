using System.Globalization;
using CareFlows.Engine.Calendar;

namespace CareFlows.Server.Features.Feeds.Fhir;

/// <summary>A FHIR dateTime as an instant: with its offset when it has one, else in the organisation's time zone.</summary>
internal static class FhirInstant
{
    public static DateTimeOffset? Parse(string? value, BusinessCalendar calendar)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (value.Length <= 10)
        {
            // A date (or year-month) alone is its local midnight.
            var padded = value.Length == 4 ? value + "-01-01" : value.Length == 7 ? value + "-01" : value;
            return DateOnly.TryParseExact(padded, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? calendar.AtLocalTime(date, TimeOnly.MinValue)
                : null;
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant) ? instant : null;
    }
}

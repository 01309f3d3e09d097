using Cronos;

namespace CareFlows.Engine.Activities.Scheduling;

/// <summary>
/// Cron expressions in Elsa's dialect (Cronos: five fields, or six with seconds first, such as <c>0 0 * * * *</c>).
/// Occurrences are computed here and handed to schedulers as plain times, so no other cron dialect is involved.
/// </summary>
public static class CronSchedule
{
    /// <summary>Parses an expression; throws <see cref="FormatException"/> with Cronos' explanation when it is invalid.</summary>
    public static CronExpression Parse(string expression)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(expression);
        var fields = expression.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        try
        {
            return CronExpression.Parse(expression, fields == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard);
        }
        catch (CronFormatException e)
        {
            throw new FormatException($"'{expression}' is not a valid cron expression: {e.Message}", e);
        }
    }

    /// <summary>The first occurrence strictly after <paramref name="after"/>, in UTC, or null if there is none.</summary>
    public static DateTimeOffset? NextAfter(string expression, DateTimeOffset after) =>
        Parse(expression).GetNextOccurrence(after, TimeZoneInfo.Utc, inclusive: false);
}

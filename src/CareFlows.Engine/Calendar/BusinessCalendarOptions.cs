namespace CareFlows.Engine.Calendar;

/// <summary>The organisation's business-day calendar: its time zone, working week, hours and holidays.</summary>
public sealed class BusinessCalendarOptions
{
    /// <summary>The organisation's time zone, an IANA id such as <c>America/New_York</c> (a Windows id also works).</summary>
    public string TimeZone { get; set; } = "America/New_York";

    /// <summary>
    /// The days of the week the organisation works; null (the default) means Monday to Friday. Left null rather
    /// than pre-filled so that configuration replaces the default instead of adding to it.
    /// </summary>
    public IList<DayOfWeek>? WorkingDays { get; set; }

    /// <summary>When a business day starts, in local time.</summary>
    public TimeOnly StartOfBusinessDay { get; set; } = new(8, 0);

    /// <summary>When a business day ends, in local time; business-day deadlines fall at this time.</summary>
    public TimeOnly EndOfBusinessDay { get; set; } = new(17, 0);

    /// <summary>
    /// Whether the US federal holidays are days off, on their observed dates: one that falls on a Saturday is
    /// observed on the Friday before, one on a Sunday on the Monday after.
    /// </summary>
    public bool UsFederalHolidays { get; set; } = true;

    /// <summary>Further days off (local dates), such as the day after Thanksgiving or a closure.</summary>
    public IList<DateOnly> ExtraHolidays { get; set; } = [];
}

using TimeZoneConverter;

namespace CareFlows.Engine.Calendar;

/// <summary>
/// The organisation's business-day calendar: the one place for business-day arithmetic. It works on local dates
/// in the organisation's time zone — an instant counts as the day it is there, whatever the day is in UTC — and
/// gives back instants with the zone's offset at that moment, so deadlines stay at the same local time across
/// daylight-saving changes. A business day is a working day of the week that is not a holiday; the time of day of
/// an instant never matters, only its local date. Immutable and safe to share.
/// </summary>
public sealed class BusinessCalendar
{
    /// <summary>The most business days one step may move, forwards or backwards (about 38 years).</summary>
    public const int MaxBusinessDays = 10_000;

    private static readonly TimeOnly LastSecond = new(23, 59, 59);

    private static readonly DayOfWeek[] MondayToFriday =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    private readonly bool[] _working = new bool[7];
    private readonly int _workingDaysPerWeek;
    private readonly HolidaySet _holidays;

    /// <summary>A calendar with <paramref name="options"/>, or the defaults (New York, Monday to Friday, 08:00–17:00, US federal holidays).</summary>
    /// <exception cref="ArgumentException">The time zone is unknown, no day is a working day, or the day ends before it starts.</exception>
    public BusinessCalendar(BusinessCalendarOptions? options = null)
    {
        options ??= new BusinessCalendarOptions();
        if (!TZConvert.TryGetTimeZoneInfo(options.TimeZone ?? "", out var zone))
        {
            throw new ArgumentException($"The calendar's time zone '{options.TimeZone}' is not a known time zone id.", nameof(options));
        }

        foreach (var day in options.WorkingDays ?? MondayToFriday)
        {
            if (!Enum.IsDefined(day))
            {
                throw new ArgumentException($"'{day}' is not a day of the week.", nameof(options));
            }

            _working[(int)day] = true;
        }

        _workingDaysPerWeek = _working.Count(w => w);
        if (_workingDaysPerWeek == 0)
        {
            throw new ArgumentException("The calendar needs at least one working day.", nameof(options));
        }

        if (options.StartOfBusinessDay >= options.EndOfBusinessDay)
        {
            throw new ArgumentException(
                $"The business day must start ({options.StartOfBusinessDay:HH:mm}) before it ends ({options.EndOfBusinessDay:HH:mm}).",
                nameof(options));
        }

        TimeZone = zone;
        OpeningTime = options.StartOfBusinessDay;
        ClosingTime = options.EndOfBusinessDay;
        _holidays = new HolidaySet(options.UsFederalHolidays, options.ExtraHolidays ?? []);
    }

    /// <summary>The calendar with default options.</summary>
    public static BusinessCalendar Default { get; } = new();

    /// <summary>The organisation's time zone.</summary>
    public TimeZoneInfo TimeZone { get; }

    /// <summary>When a business day starts, in local time.</summary>
    public TimeOnly OpeningTime { get; }

    /// <summary>When a business day ends, in local time.</summary>
    public TimeOnly ClosingTime { get; }

    /// <summary>The organisation's local date at <paramref name="instant"/>.</summary>
    public DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, TimeZone).DateTime);

    /// <summary>Whether <paramref name="date"/> (a local date) is a working day of the week and not a holiday.</summary>
    public bool IsBusinessDay(DateOnly date) => _working[(int)date.DayOfWeek] && !_holidays.Contains(date);

    /// <summary>Whether <paramref name="date"/> is a holiday (federal, observed, or configured), whatever day of the week it is.</summary>
    public bool IsHoliday(DateOnly date) => _holidays.Contains(date);

    /// <summary>The first business day after <paramref name="date"/> (never <paramref name="date"/> itself).</summary>
    public DateOnly NextBusinessDay(DateOnly date)
    {
        do
        {
            date = date.AddDays(1);
        }
        while (!IsBusinessDay(date));

        return date;
    }

    /// <summary>
    /// The business day <paramref name="n"/> business days from <paramref name="date"/>: for n &gt; 0 the n-th
    /// business day after it; for 0 the date itself if it is a business day, else the next one; for n &lt; 0 the
    /// |n|-th business day before it (counting backwards, so -1 is the last business day before the date).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">|n| is more than <see cref="MaxBusinessDays"/>.</exception>
    public DateOnly AddBusinessDays(DateOnly date, int n)
    {
        if (n is > MaxBusinessDays or < -MaxBusinessDays)
        {
            throw new ArgumentOutOfRangeException(nameof(n), n, $"A calendar step may move at most {MaxBusinessDays} business days.");
        }

        if (n == 0)
        {
            return IsBusinessDay(date) ? date : NextBusinessDay(date);
        }

        var step = Math.Sign(n);
        for (var left = Math.Abs(n); left > 0;)
        {
            date = date.AddDays(step);
            if (IsBusinessDay(date))
            {
                left--;
            }
        }

        return date;
    }

    /// <summary>
    /// The end of business on the business day <paramref name="n"/> business days from <paramref name="from"/>'s
    /// local date (see <see cref="AddBusinessDays(DateOnly, int)"/>; the time of day of <paramref name="from"/> does
    /// not matter). Discharged on a Friday, two business days later is the end of business on Tuesday.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">|n| is more than <see cref="MaxBusinessDays"/>.</exception>
    public DateTimeOffset AddBusinessDays(DateTimeOffset from, int n) => ClosesAt(AddBusinessDays(LocalDate(from), n));

    /// <summary>
    /// The end of business on <paramref name="date"/>'s local date if that is a business day, else on the next
    /// business day. It can be earlier than <paramref name="date"/> when that is after hours on a business day.
    /// </summary>
    public DateTimeOffset EndOfBusinessDay(DateTimeOffset date) => AddBusinessDays(date, 0);

    /// <summary>
    /// The number of business days after <paramref name="a"/>'s local date up to and including
    /// <paramref name="b"/>'s; negative when <paramref name="b"/> is before <paramref name="a"/>
    /// (<c>Between(a, b) == -Between(b, a)</c>), 0 on the same date. From a Friday to the Tuesday after is 2.
    /// </summary>
    public int BusinessDaysBetween(DateTimeOffset a, DateTimeOffset b) => BusinessDaysBetween(LocalDate(a), LocalDate(b));

    /// <inheritdoc cref="BusinessDaysBetween(DateTimeOffset, DateTimeOffset)"/>
    public int BusinessDaysBetween(DateOnly a, DateOnly b) => a <= b ? CountAfter(a, b) : -CountAfter(b, a);

    /// <summary>
    /// The last second of the local calendar day <paramref name="days"/> days after <paramref name="from"/>'s local
    /// date, for clocks counted in calendar days: a visit due within 7 days of a discharge on the 20th is due by the end
    /// of the 27th, and a 30-day service period that starts on the discharge day ends with day + 29.
    /// </summary>
    public DateTimeOffset EndOfCalendarDay(DateTimeOffset from, int days) => AtLocalTime(LocalDate(from).AddDays(days), LastSecond);

    /// <summary>When business starts on <paramref name="date"/> (a local date), whether or not it is a business day.</summary>
    public DateTimeOffset OpensAt(DateOnly date) => AtLocalTime(date, OpeningTime);

    /// <summary>When business ends on <paramref name="date"/> (a local date), whether or not it is a business day.</summary>
    public DateTimeOffset ClosesAt(DateOnly date) => AtLocalTime(date, ClosingTime);

    /// <summary>
    /// The instant the organisation's clocks show <paramref name="time"/> on <paramref name="date"/>, with the
    /// zone's offset then. A time the clocks skip (spring forward) lands as far past the change as it was meant to
    /// be into the gap; a time they show twice (fall back) is its first occurrence.
    /// </summary>
    public DateTimeOffset AtLocalTime(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);

        // For a skipped time GetUtcOffset gives the standard offset, the one before the gap.
        var offset = TimeZone.IsAmbiguousTime(local) ? TimeZone.GetAmbiguousTimeOffsets(local).Max() : TimeZone.GetUtcOffset(local);
        return TimeZoneInfo.ConvertTime(new DateTimeOffset(local, offset), TimeZone);
    }

    // Business days in (from, to], from <= to: whole weeks by arithmetic, then the odd days, less holidays that fall on working days.
    private int CountAfter(DateOnly from, DateOnly to)
    {
        var days = to.DayNumber - from.DayNumber;
        var count = days / 7 * _workingDaysPerWeek;
        for (var day = from.DayNumber + days / 7 * 7 + 1; day <= to.DayNumber; day++)
        {
            count += _working[(int)DateOnly.FromDayNumber(day).DayOfWeek] ? 1 : 0;
        }

        for (var year = from.Year; year <= to.Year; year++)
        {
            count -= _holidays.In(year).Count(h => h > from && h <= to && _working[(int)h.DayOfWeek]);
        }

        return count;
    }
}

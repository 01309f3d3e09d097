using System.Collections.Concurrent;
using System.Collections.Frozen;
using PublicHoliday;

namespace CareFlows.Engine.Calendar;

/// <summary>
/// The days off of one calendar, by year: the US federal holidays on their observed dates (from the
/// <c>PublicHoliday</c> package) when asked for, and the organisation's own. Years are worked out once and kept.
/// </summary>
internal sealed class HolidaySet
{
    // A calendar is asked about a few years around today; the bound only stops a span of centuries from filling memory.
    private const int MaxCachedYears = 512;

    private static readonly USAPublicHoliday Federal = new();

    private readonly bool _federal;
    private readonly FrozenDictionary<int, DateOnly[]> _extra;
    private readonly ConcurrentDictionary<int, FrozenSet<DateOnly>> _years = new();

    public HolidaySet(bool federal, IEnumerable<DateOnly> extra)
    {
        _federal = federal;
        _extra = extra.Distinct().GroupBy(d => d.Year).ToFrozenDictionary(g => g.Key, g => g.ToArray());
    }

    public bool Contains(DateOnly date) => In(date.Year).Contains(date);

    /// <summary>The days off in one year.</summary>
    public FrozenSet<DateOnly> In(int year)
    {
        if (_years.TryGetValue(year, out var days))
        {
            return days;
        }

        days = Compute(year);
        if (_years.Count < MaxCachedYears)
        {
            _years.TryAdd(year, days);
        }

        return days;
    }

    private FrozenSet<DateOnly> Compute(int year)
    {
        var days = new HashSet<DateOnly>(_extra.TryGetValue(year, out var extra) ? extra : []);
        if (_federal)
        {
            // New Year's Day on a Saturday is observed on 31 December of the year before, so the next year's list
            // can hold a day of this one.
            foreach (var listYear in new[] { year, year + 1 }.Where(y => y <= DateOnly.MaxValue.Year))
            {
                foreach (var day in Federal.PublicHolidays(listYear))
                {
                    if (day.Year == year)
                    {
                        days.Add(DateOnly.FromDateTime(day));
                    }
                }
            }
        }

        return days.ToFrozenSet();
    }
}

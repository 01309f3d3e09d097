using System.Globalization;

namespace CareFlows.Server.Features.Feeds.Hl7;

/// <summary>
/// HL7 date/times, <c>YYYY[MM[DD[HH[MM[SS[.S[S[S[S]]]]]]]]][+/-ZZZZ]</c>. Missing parts are the start of the period
/// given (a date is its midnight). Most hospitals send local times without an offset, so those are read in the time
/// zone the feed is configured for, never in the server's own.
/// </summary>
public static class Hl7Timestamp
{
    /// <param name="text">The value (the first component of a TS field; its degree-of-precision component is ignored).</param>
    /// <param name="localZone">The sender's time zone, for a value without an offset. In a daylight-saving gap or overlap the zone's standard offset is used.</param>
    /// <param name="value">The instant, with the offset sent or the zone's offset at that wall-clock time.</param>
    public static bool TryParse(string text, TimeZoneInfo localZone, out DateTimeOffset value)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(localZone);
        value = default;
        var s = text.AsSpan().Trim();
        var digits = s.IndexOfAnyExceptInRange('0', '9');
        var main = digits < 0 ? s : s[..digits];
        ReadOnlySpan<char> rest = digits < 0 ? [] : s[digits..];
        if (main.Length is not (4 or 6 or 8 or 10 or 12 or 14))
        {
            return false;
        }

        long fractionTicks = 0;
        if (rest.StartsWith('.'))
        {
            var fractionEnd = rest[1..].IndexOfAnyExceptInRange('0', '9') is var e and >= 0 ? e + 1 : rest.Length;
            var fraction = rest[1..fractionEnd];
            if (main.Length != 14 || fraction.Length is < 1 or > 4)
            {
                return false;
            }

            fractionTicks = Number(fraction) * (long)Math.Pow(10, 7 - fraction.Length);
            rest = rest[fractionEnd..];
        }

        TimeSpan? offset = null;
        if (!rest.IsEmpty)
        {
            if (rest.Length != 5 || rest[0] is not ('+' or '-') || rest[1..].ContainsAnyExceptInRange('0', '9') || Number(rest[1..3]) > 14 || Number(rest[3..5]) > 59)
            {
                return false;
            }

            offset = new TimeSpan(Number(rest[1..3]), Number(rest[3..5]), 0) * (rest[0] == '-' ? -1 : 1);
            if (offset.Value.Duration() > MaxOffset)
            {
                // What DateTimeOffset itself allows; +1430 would pass the hour check above.
                return false;
            }
        }

        var year = Number(main[..4]);
        var month = Part(main, 4, 1);
        var day = Part(main, 6, 1);
        var hour = Part(main, 8, 0);
        var minute = Part(main, 10, 0);
        var second = Part(main, 12, 0);
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        var wallClock = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).AddTicks(fractionTicks);
        var actualOffset = offset ?? localZone.GetUtcOffset(wallClock);
        var utcTicks = wallClock.Ticks - actualOffset.Ticks;
        if (utcTicks < DateTime.MinValue.Ticks || utcTicks > DateTime.MaxValue.Ticks)
        {
            return false;
        }

        value = new DateTimeOffset(wallClock, actualOffset);
        return true;
    }

    private static readonly TimeSpan MaxOffset = TimeSpan.FromHours(14);

    private static int Part(ReadOnlySpan<char> digits, int start, int absent) =>
        digits.Length > start ? Number(digits.Slice(start, 2)) : absent;

    private static int Number(ReadOnlySpan<char> digits) => int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
}

namespace CareFlows.Server.Runtime;

/// <summary>
/// A time as the database keeps it: to the microsecond, the finest PostgreSQL stores. Times a request records on a
/// task are cut to it before they are staged, so that the task a request answers with is the task a read finds.
/// </summary>
internal static class StoredTime
{
    public static DateTime Of(DateTimeOffset time)
    {
        var utc = time.UtcDateTime;
        return utc.AddTicks(-(utc.Ticks % TimeSpan.TicksPerMicrosecond));
    }
}

using CareFlows.Engine.Bookmarks;

namespace CareFlows.Server.Runtime;

/// <summary>
/// An event name with a correlation key: what an event is published under, and what a wait point waits for. Without a
/// key, an event reaches every wait point for its name, while a wait point takes only buffered events without a key
/// (see <see cref="EventMatch"/>).
/// </summary>
internal readonly record struct EventKey(string EventName, string? CorrelationKey)
{
    // Joins name and key into one lock key; should two pairs ever hash alike, they only share a lock.
    private const char Separator = '\u001f';

    /// <summary>The key's PostgreSQL advisory lock name (see <see cref="RuntimeSql.LockEventKey"/>).</summary>
    public string LockName => EventName + Separator + CorrelationKey;

    public bool IsUnkeyed => EventMatch.IsUnkeyed(CorrelationKey);
}

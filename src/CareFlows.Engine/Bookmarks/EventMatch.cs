using CareFlows.Engine.Activities.Events;
using CareFlows.Engine.Execution;

namespace CareFlows.Engine.Bookmarks;

/// <summary>
/// Which waiting instances an event reaches, and which buffered event a new wait point takes. Every host (the durable
/// runtime and the in-memory host alike) asks here, so a simulated run cannot drift from production.
/// </summary>
public static class EventMatch
{
    /// <summary>
    /// An event reaches an event bookmark with its name and, when the event carries a correlation key, that key; an
    /// event without a key reaches every bookmark waiting for its name.
    /// </summary>
    public static bool Reaches(Bookmark bookmark, string eventName, string? correlationKey)
    {
        ArgumentNullException.ThrowIfNull(bookmark);
        return bookmark.Kind == BookmarkKind.Event
            && string.Equals(bookmark.EventName, eventName, StringComparison.Ordinal)
            && (IsUnkeyed(correlationKey) || string.Equals(bookmark.CorrelationKey, correlationKey, StringComparison.Ordinal));
    }

    /// <summary>
    /// A new wait point takes a buffered event with exactly its name and correlation key (both without a key counts as
    /// equal): an event buffered for one patient's referral must never be taken by another's.
    /// </summary>
    public static bool Takes(string waitEventName, string? waitCorrelationKey, string bufferedEventName, string? bufferedCorrelationKey) =>
        string.Equals(waitEventName, bufferedEventName, StringComparison.Ordinal)
        && string.Equals(waitCorrelationKey, bufferedCorrelationKey, StringComparison.Ordinal);

    /// <summary>Whether an event with this name starts an instance through <paramref name="trigger"/> (an Event trigger listening for it).</summary>
    public static bool Starts(TriggerActivity trigger, string eventName)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        return trigger.Activity is Event listener && listener.EventName.TryGetConstant(out var name) && string.Equals(name, eventName, StringComparison.Ordinal);
    }

    /// <summary>An event without a correlation key (null or empty) is meant for every instance waiting for its name.</summary>
    public static bool IsUnkeyed(string? correlationKey) => string.IsNullOrEmpty(correlationKey);
}

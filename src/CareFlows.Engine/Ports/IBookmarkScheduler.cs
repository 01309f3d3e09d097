namespace CareFlows.Engine.Ports;

/// <summary>
/// Fires timer bookmarks when they come due by resuming them. Implementations hold no durable state of their own:
/// the stored bookmarks are the source of truth, and the host reschedules every open timer from them at start-up.
/// </summary>
public interface IBookmarkScheduler
{
    /// <summary>Arranges for each bookmark to be resumed at its due time, or at once if that time has passed.</summary>
    Task ScheduleAsync(IReadOnlyCollection<ScheduledBookmark> bookmarks, CancellationToken cancellationToken = default);

    /// <summary>Forgets bookmarks that were consumed or cancelled before they came due.</summary>
    Task UnscheduleAsync(IReadOnlyCollection<string> bookmarkIds, CancellationToken cancellationToken = default);
}

/// <summary>A timer bookmark of one instance and when it comes due.</summary>
public sealed record ScheduledBookmark(string InstanceId, string BookmarkId, DateTimeOffset DueAt);

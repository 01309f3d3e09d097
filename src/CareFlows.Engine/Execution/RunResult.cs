using CareFlows.Engine.Bookmarks;
using CareFlows.Engine.Journal;

namespace CareFlows.Engine.Execution;

/// <summary>What one burst did: the instance's new state and everything to persist and act on with it.</summary>
/// <param name="State">The instance after the burst.</param>
/// <param name="Journal">Journal entries the burst appended, in order.</param>
/// <param name="CreatedBookmarks">Bookmarks the burst created (to index and schedule).</param>
/// <param name="RemovedBookmarks">Bookmarks the burst consumed or cancelled (to unindex and unschedule).</param>
/// <param name="PublishedEvents">Events the burst published, to deliver after it commits.</param>
public sealed record RunResult(
    WorkflowState State,
    IReadOnlyList<JournalEntry> Journal,
    IReadOnlyList<Bookmark> CreatedBookmarks,
    IReadOnlyList<Bookmark> RemovedBookmarks,
    IReadOnlyList<PublishedEvent> PublishedEvents)
{
    /// <summary>Child instances the burst dispatched, for the host to start in the same commit.</summary>
    public IReadOnlyList<WorkflowDispatch> Dispatches { get; init; } = [];
}

using System.Text.Json.Nodes;
using CareFlows.Engine.Bookmarks;
using CareFlows.Engine.Execution;
using CareFlows.Engine.Journal;
using CareFlows.Engine.Ports;

namespace CareFlows.Server.Runtime;

/// <summary>
/// One attempt at a batch of requests inside one transaction. Every burst runs in memory against the batch's
/// instances; what they changed is then written in one go. Nothing here is visible outside until the caller
/// commits, and a failed attempt is simply dropped.
/// </summary>
internal sealed partial class BurstBatch(RuntimeContext runtime, WriterConnection writer)
{
    private readonly Dictionary<string, InstanceSlot> _instances = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string InstanceId, Bookmark Bookmark)> _createdBookmarks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Bookmark> _removedBookmarks = new(StringComparer.Ordinal);
    private readonly List<(string InstanceId, JournalEntry Entry)> _journal = [];
    private readonly Queue<PublishedEvent> _publishedEvents = new();

    /// <summary>Timers created in this batch that are still open, to schedule once it commits.</summary>
    public IReadOnlyCollection<ScheduledBookmark> TimersToSchedule => _createdBookmarks.Values
        .Where(b => b.Bookmark.Kind == BookmarkKind.Timer && b.Bookmark.DueAt is not null)
        .Select(b => new ScheduledBookmark(b.InstanceId, b.Bookmark.Id, b.Bookmark.DueAt!.Value))
        .ToList();

    /// <summary>Timers that existed before this batch and are gone now, to unschedule once it commits.</summary>
    public IReadOnlyCollection<string> TimersToUnschedule => _removedBookmarks.Values
        .Where(b => b.Kind == BookmarkKind.Timer)
        .Select(b => b.Id)
        .ToList();

    public async Task RunAsync(IReadOnlyList<WorkItem> items, CancellationToken cancellationToken)
    {
        await PreloadAsync(items, cancellationToken);
        foreach (var item in items)
        {
            switch (item)
            {
                case StartWork start:
                    start.Staged = await StartAsync(start, cancellationToken);
                    break;
                case ResumeWork resume:
                    resume.Staged = await ResumeAsync(resume, cancellationToken);
                    break;
                case CancelWork cancel:
                    cancel.Staged = await CancelAsync(cancel, cancellationToken);
                    break;
                case EventWork published:
                    published.Staged = await PublishAsync(published, cancellationToken);
                    break;
                default:
                    throw new InvalidOperationException($"Unknown work item {item.GetType().Name}.");
            }
        }

        Write();
    }

    private async Task<InstanceSnapshot> StartAsync(StartWork work, CancellationToken cancellationToken)
    {
        var slot = await StartSlotAsync(work.Workflow, work.Request, cancellationToken);
        return InstanceSnapshot.Of(slot.State);
    }

    private async Task<InstanceSlot> StartSlotAsync(CompiledWorkflow workflow, StartRequest request, CancellationToken cancellationToken)
    {
        var result = await runtime.Engine.StartAsync(workflow, request);
        var slot = new InstanceSlot(workflow, result.State, revision: 0, isNew: true);
        if (!_instances.TryAdd(slot.Id, slot))
        {
            throw new InvalidOperationException($"Instance id {slot.Id} is already in use.");
        }

        await AbsorbAsync(slot, result, cancellationToken);
        return slot;
    }

    private async Task<ResumeOutcome> ResumeAsync(ResumeWork work, CancellationToken cancellationToken)
    {
        var slot = await FindSlotAsync(work.InstanceId, cancellationToken);
        if (Refusal(slot, work.BookmarkId) is { } refusal)
        {
            return refusal;
        }

        try
        {
            await ResumeSlotAsync(slot!, work.BookmarkId, work.Input, cancellationToken);
        }
        catch (InvalidResumeInputException e)
        {
            return new ResumeOutcome(ResumeStatus.InvalidInput, InstanceSnapshot.Of(slot!.State), e.Message);
        }

        return new ResumeOutcome(ResumeStatus.Resumed, InstanceSnapshot.Of(slot!.State));
    }

    private async Task<ResumeOutcome> CancelAsync(CancelWork work, CancellationToken cancellationToken)
    {
        var slot = await FindSlotAsync(work.InstanceId, cancellationToken);
        if (Refusal(slot, bookmarkId: null) is { } refusal)
        {
            return refusal;
        }

        await AbsorbAsync(slot!, runtime.Engine.Cancel(slot!.Workflow, slot.State, work.Reason), cancellationToken);
        return new ResumeOutcome(ResumeStatus.Resumed, InstanceSnapshot.Of(slot.State));
    }

    private static ResumeOutcome? Refusal(InstanceSlot? slot, string? bookmarkId)
    {
        if (slot is null)
        {
            return new ResumeOutcome(ResumeStatus.InstanceNotFound);
        }

        if (slot.State.IsFinished)
        {
            return new ResumeOutcome(ResumeStatus.InstanceFinished, InstanceSnapshot.Of(slot.State));
        }

        return bookmarkId is not null && slot.State.FindBookmark(bookmarkId) is null
            ? new ResumeOutcome(ResumeStatus.BookmarkNotOpen, InstanceSnapshot.Of(slot.State))
            : null;
    }

    private async Task ResumeSlotAsync(InstanceSlot slot, string bookmarkId, JsonNode? input, CancellationToken cancellationToken)
    {
        var result = await runtime.Engine.ResumeAsync(slot.Workflow, slot.State, bookmarkId, input);
        await AbsorbAsync(slot, result, cancellationToken);
    }

    /// <summary>
    /// Takes in what a burst did, then what follows from it within the batch: events it published, and
    /// buffered events that its new event bookmarks were waiting for.
    /// </summary>
    private async Task AbsorbAsync(InstanceSlot slot, RunResult result, CancellationToken cancellationToken)
    {
        slot.Changed = true;
        foreach (var created in result.CreatedBookmarks)
        {
            _createdBookmarks[created.Id] = (slot.Id, created);
        }

        foreach (var removed in result.RemovedBookmarks)
        {
            if (!_createdBookmarks.Remove(removed.Id))
            {
                _removedBookmarks[removed.Id] = removed;
            }
        }

        foreach (var entry in result.Journal)
        {
            _journal.Add((slot.Id, entry));
        }

        foreach (var published in result.PublishedEvents)
        {
            _publishedEvents.Enqueue(published);
        }

        foreach (var waiting in result.CreatedBookmarks.Where(b => b.Kind == BookmarkKind.Event))
        {
            runtime.EventWaits.Learn(slot.Workflow.DefinitionVersionId, waiting.EventName!);
            if (slot.State.FindBookmark(waiting.Id) is null)
            {
                continue;
            }

            var (found, payload) = await TakeBufferedEventAsync(waiting.EventName!, waiting.CorrelationKey, cancellationToken);
            if (found)
            {
                await ResumeSlotAsync(slot, waiting.Id, payload, cancellationToken);
            }
        }

        while (_publishedEvents.TryDequeue(out var published))
        {
            await DeliverAsync(published.EventName, published.CorrelationKey, published.Payload, published.IsLocal ? published.SourceInstanceId : null, cancellationToken);
        }
    }

    private async Task<InstanceSlot?> FindSlotAsync(string instanceId, CancellationToken cancellationToken)
    {
        if (!_instances.TryGetValue(instanceId, out var slot))
        {
            await LoadAsync(instanceId, cancellationToken);
            _instances.TryGetValue(instanceId, out slot);
        }

        return slot;
    }
}

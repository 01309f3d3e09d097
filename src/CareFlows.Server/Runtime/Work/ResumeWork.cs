using System.Text.Json.Nodes;
using CareFlows.Engine.Bookmarks;
using CareFlows.Engine.Execution;
using CareFlows.Server.Audit;

namespace CareFlows.Server.Runtime.Work;

/// <summary>Resumes one open bookmark of an instance.</summary>
internal sealed class ResumeWork(string instanceId, string bookmarkId, JsonNode? input) : WorkItem<ResumeOutcome>
{
    public override string InstanceId => instanceId;

    public override void Plan(SnapshotPlan plan) => plan.Instance(instanceId);

    public override async Task RunAsync(BurstScope scope)
    {
        var slot = await scope.FindSlotAsync(instanceId);
        if (Refusal(slot, bookmarkId) is { } refusal)
        {
            Staged = refusal;
            return;
        }

        var before = InstanceAudit.Describe(slot!.State);
        try
        {
            await scope.ResumeAsync(slot, bookmarkId, input);
        }
        catch (InvalidResumeInputException e)
        {
            Staged = new ResumeOutcome(ResumeStatus.InvalidInput, InstanceSnapshot.Of(slot!.State), e.Message);
            return;
        }

        Audit(scope, InstanceAudit.Change("instance.resume", AuditActions.Execute, slot.State, before));
        Staged = new ResumeOutcome(ResumeStatus.Resumed, InstanceSnapshot.Of(slot.State));
    }

    /// <summary>Why the instance cannot be resumed (or cancelled, without a bookmark), or null when it can.</summary>
    public static ResumeOutcome? Refusal(InstanceSlot? slot, string? bookmarkId)
    {
        if (slot is null)
        {
            return new ResumeOutcome(ResumeStatus.InstanceNotFound);
        }

        var state = slot.State;
        if (state.IsFinished)
        {
            return new ResumeOutcome(ResumeStatus.InstanceFinished, InstanceSnapshot.Of(state));
        }

        if (bookmarkId is null || state.FindBookmark(bookmarkId) is not null)
        {
            return null;
        }

        return new ResumeOutcome(BookmarkIds.WasIssuedBy(bookmarkId, state) ? ResumeStatus.BookmarkNotOpen : ResumeStatus.BookmarkNotFound, InstanceSnapshot.Of(state));
    }
}

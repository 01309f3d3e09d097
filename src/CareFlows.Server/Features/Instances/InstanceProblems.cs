using System.Diagnostics;
using CareFlows.Server.Features.Events.ResumeBookmark;
using CareFlows.Server.Infrastructure;
using CareFlows.Server.Runtime;

namespace CareFlows.Server.Features.Instances;

/// <summary>How instance commands turn the runtime's refusals into problem details.</summary>
public static class InstanceProblems
{
    /// <summary>There is no instance with this id (404).</summary>
    public static NotFoundException NotFound(string instanceId) => new($"Instance {instanceId} does not exist.");

    /// <summary>
    /// The instance after a resume or cancel, or the refusal as an exception: unknown instance or bookmark 404;
    /// instance ended or bookmark consumed already 409; input the waiting activity refused 422. Nothing was stored for
    /// any refusal.
    /// </summary>
    /// <param name="outcome">What the runtime answered.</param>
    /// <param name="instanceId">The instance the request named, if it named one.</param>
    /// <param name="bookmarkId">The bookmark the request named, if it named one.</param>
    public static InstanceSnapshot SnapshotOrThrow(this ResumeOutcome outcome, string? instanceId, string? bookmarkId = null)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (outcome.Status == ResumeStatus.Resumed)
        {
            return outcome.Instance!;
        }

        throw outcome.Status switch
        {
            ResumeStatus.InstanceNotFound => instanceId is not null
                ? NotFound(instanceId)
                : new NotFoundException($"The instance of bookmark {bookmarkId} no longer exists."),
            ResumeStatus.BookmarkNotFound => new NotFoundException($"Bookmark {bookmarkId} does not exist."),
            ResumeStatus.InstanceFinished => new ConflictException(bookmarkId is null
                ? $"Instance {outcome.Instance!.Id} is {outcome.Instance.SubStatus} and cannot change any more."
                : $"Bookmark {bookmarkId} is not open any more: its instance {outcome.Instance!.Id} is {outcome.Instance.SubStatus}."),

            // A retry of a resume that succeeded must learn that there is nothing left to do, not that nothing exists.
            ResumeStatus.BookmarkNotOpen => new ConflictException(
                $"Bookmark {bookmarkId} is not open any more: it has been resumed already, or its branch was cancelled."),
            ResumeStatus.InvalidInput => new UnprocessableException(
                "The waiting activity refused the input; nothing changed.",
                new Dictionary<string, string[]> { [ApiFieldNames.Of<ResumeBookmarkRequest>(r => r.Input)] = [outcome.Problem ?? "The input is not valid here."] }),
            _ => new UnreachableException($"Unknown resume status {outcome.Status}."),
        };
    }
}

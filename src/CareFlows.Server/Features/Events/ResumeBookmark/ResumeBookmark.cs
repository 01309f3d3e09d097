using System.Text.Json.Nodes;
using CareFlows.Server.Features.Instances;
using CareFlows.Server.Runtime;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace CareFlows.Server.Features.Events.ResumeBookmark;

/// <summary>The body of a resume request.</summary>
/// <param name="Input">What the waiting activity receives, for example a task's <c>{"outcome": …, "data": …}</c>.</param>
public sealed record ResumeBookmarkRequest(JsonNode? Input);

/// <summary>Resumes one open bookmark by its id, with optional input for the waiting activity.</summary>
public sealed record ResumeBookmarkCommand([FromRoute(Name = "bookmarkId")] string BookmarkId, JsonNode? Input) : ICommand<InstanceSnapshot>;

public sealed class ResumeBookmarkHandler(WorkflowRuntime runtime) : ICommandHandler<ResumeBookmarkCommand, InstanceSnapshot>
{
    public async ValueTask<InstanceSnapshot> Handle(ResumeBookmarkCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var outcome = await runtime.ResumeBookmarkAsync(command.BookmarkId, command.Input, cancellationToken);
        return outcome.SnapshotOrThrow(instanceId: null, command.BookmarkId);
    }
}

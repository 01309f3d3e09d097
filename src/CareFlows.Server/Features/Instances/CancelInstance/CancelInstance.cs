using CareFlows.Server.Runtime;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace CareFlows.Server.Features.Instances.CancelInstance;

/// <summary>The body of a cancel request.</summary>
/// <param name="Reason">Why the instance is cancelled; recorded in its journal.</param>
public sealed record CancelInstanceRequest(string? Reason);

/// <summary>Cancels a running instance: its bookmarks are removed and nothing of it runs again.</summary>
public sealed record CancelInstanceCommand([FromRoute(Name = "id")] string InstanceId, string? Reason) : ICommand<InstanceSnapshot>;

public sealed class CancelInstanceHandler(WorkflowRuntime runtime) : ICommandHandler<CancelInstanceCommand, InstanceSnapshot>
{
    public async ValueTask<InstanceSnapshot> Handle(CancelInstanceCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var outcome = await runtime.CancelAsync(command.InstanceId, command.Reason, cancellationToken);
        return outcome.SnapshotOrThrow(command.InstanceId);
    }
}

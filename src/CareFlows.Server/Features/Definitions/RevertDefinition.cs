using Mediator;

namespace CareFlows.Server.Features.Definitions;

/// <summary>Makes a copy of an earlier version the new latest draft.</summary>
public sealed record RevertDefinition(string DefinitionId, int Version, DefinitionEditor Editor) : ICommand<DefinitionResponse>;

public sealed class RevertDefinitionHandler(DefinitionStore store) : ICommandHandler<RevertDefinition, DefinitionResponse>
{
    public async ValueTask<DefinitionResponse> Handle(RevertDefinition command, CancellationToken cancellationToken) =>
        (await store.RevertAsync(command.DefinitionId, command.Version, command.Editor, cancellationToken)).ToResponse();
}

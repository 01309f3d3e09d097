using Mediator;

namespace CareFlows.Server.Features.Definitions;

/// <summary>Deletes every version of a definition that is not published and has never had an instance.</summary>
public sealed record DeleteDefinition(string DefinitionId) : ICommand;

public sealed class DeleteDefinitionHandler(DefinitionStore store) : ICommandHandler<DeleteDefinition>
{
    public async ValueTask<Unit> Handle(DeleteDefinition command, CancellationToken cancellationToken)
    {
        await store.DeleteAsync(command.DefinitionId, cancellationToken);
        return Unit.Value;
    }
}

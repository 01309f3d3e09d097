using Mediator;

namespace CareFlows.Server.Features.Definitions;

/// <summary>Deletes the latest version if it is a draft that was never published; the version below becomes the latest.</summary>
public sealed record DeleteDefinitionDraft(string DefinitionId) : ICommand;

public sealed class DeleteDefinitionDraftHandler(DefinitionStore store) : ICommandHandler<DeleteDefinitionDraft>
{
    public async ValueTask<Unit> Handle(DeleteDefinitionDraft command, CancellationToken cancellationToken)
    {
        await store.DeleteDraftAsync(command.DefinitionId, cancellationToken);
        return Unit.Value;
    }
}

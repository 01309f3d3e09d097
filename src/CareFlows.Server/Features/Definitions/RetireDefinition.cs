using Mediator;

namespace CareFlows.Server.Features.Definitions;

/// <summary>
/// Retires (unpublishes) a definition's published version: no new instances, its Timer, Cron and StartAt triggers
/// disarmed at once, while running instances finish on it.
/// </summary>
public sealed record RetireDefinition(string DefinitionId, DefinitionEditor Editor) : ICommand<DefinitionResponse>;

public sealed class RetireDefinitionHandler(DefinitionStore store) : ICommandHandler<RetireDefinition, DefinitionResponse>
{
    public async ValueTask<DefinitionResponse> Handle(RetireDefinition command, CancellationToken cancellationToken) =>
        (await store.RetireAsync(command.DefinitionId, command.Editor, cancellationToken)).ToResponse();
}

using Mediator;

namespace CareFlows.Server.Features.Definitions;

/// <summary>
/// Publishes a version (the latest unless <paramref name="Version"/> names one) once it is valid; new instances start
/// on it, instances already running keep the version they started on.
/// </summary>
public sealed record PublishDefinition(string DefinitionId, int? Version, DefinitionEditor Editor) : ICommand<DefinitionResponse>;

public sealed class PublishDefinitionHandler(DefinitionStore store) : ICommandHandler<PublishDefinition, DefinitionResponse>
{
    public async ValueTask<DefinitionResponse> Handle(PublishDefinition command, CancellationToken cancellationToken) =>
        (await store.PublishAsync(command.DefinitionId, command.Version, command.Editor, cancellationToken)).ToResponse();
}

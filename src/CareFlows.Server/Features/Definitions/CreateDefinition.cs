using CareFlows.Engine.Definitions;
using Mediator;

namespace CareFlows.Server.Features.Definitions;

/// <summary>Creates a new definition as a version 1 draft (an id is generated when the JSON has no <c>definitionId</c>).</summary>
public sealed record CreateDefinition(WorkflowDefinition Definition, DefinitionEditor Editor) : ICommand<DefinitionResponse>;

public sealed class CreateDefinitionHandler(DefinitionStore store) : ICommandHandler<CreateDefinition, DefinitionResponse>
{
    public async ValueTask<DefinitionResponse> Handle(CreateDefinition command, CancellationToken cancellationToken) =>
        (await store.CreateAsync(command.Definition, command.Editor, cancellationToken)).ToResponse();
}

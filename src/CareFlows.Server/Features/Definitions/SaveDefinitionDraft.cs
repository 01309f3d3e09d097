using CareFlows.Engine.Definitions;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace CareFlows.Server.Features.Definitions;

/// <summary>
/// Saves the designer's copy as the latest draft: the unpublished latest version is edited in place, otherwise a new
/// version is started. A draft need not be valid; publishing checks that. With <paramref name="IfMatch"/> (the
/// <see cref="DefinitionVersionResponse.Etag"/> the designer opened) the save is refused as a conflict when the latest
/// version has changed since.
/// </summary>
public sealed record SaveDefinitionDraft(
    [FromRoute(Name = "definitionId")] string DefinitionId,
    [FromBody] WorkflowDefinition Definition,
    DefinitionEditor Editor,
    string? IfMatch = null) : ICommand<DefinitionResponse>;

public sealed class SaveDefinitionDraftHandler(DefinitionStore store) : ICommandHandler<SaveDefinitionDraft, DefinitionResponse>
{
    public async ValueTask<DefinitionResponse> Handle(SaveDefinitionDraft command, CancellationToken cancellationToken) =>
        (await store.SaveDraftAsync(command.DefinitionId, command.Definition, command.Editor, command.IfMatch, cancellationToken)).ToResponse();
}

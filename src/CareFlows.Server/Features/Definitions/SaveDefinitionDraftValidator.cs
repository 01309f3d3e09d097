using FluentValidation;

namespace CareFlows.Server.Features.Definitions;

internal sealed class SaveDefinitionDraftValidator : AbstractValidator<SaveDefinitionDraft>
{
    public SaveDefinitionDraftValidator()
    {
        RuleFor(c => c.Definition).Custom((definition, context) => DefinitionFieldRules.Check(definition, "$", context));
        RuleFor(c => c.Definition.DefinitionId)
            .Must((command, definitionId) => definitionId is null || definitionId == command.DefinitionId)
            .WithMessage(c => $"'definitionId' is '{c.Definition.DefinitionId}' but the URL names '{c.DefinitionId}'; a draft is saved to the definition it belongs to.");
    }
}

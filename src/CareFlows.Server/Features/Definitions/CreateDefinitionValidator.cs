using FluentValidation;

namespace CareFlows.Server.Features.Definitions;

internal sealed class CreateDefinitionValidator : AbstractValidator<CreateDefinition>
{
    public CreateDefinitionValidator()
    {
        RuleFor(c => c.Definition).Custom((definition, context) => DefinitionFieldRules.Check(definition, "$", context));
    }
}

using FluentValidation;

namespace CareFlows.Server.Features.Definitions;

internal sealed class ImportDefinitionsValidator : AbstractValidator<ImportDefinitions>
{
    public ImportDefinitionsValidator()
    {
        RuleFor(c => c.Items).NotEmpty().OverridePropertyName("$").WithMessage("The import holds no definition.");
        RuleForEach(c => c.Items).Custom((item, context) => DefinitionFieldRules.Check(item.Definition, item.Path, context));
    }
}

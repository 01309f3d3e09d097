using System.Text.Json.Nodes;
using CareFlows.Server.Infrastructure;
using CareFlows.Server.Persistence.Configurations;
using FluentValidation;

namespace CareFlows.Server.Features.Instances.StartInstance;

internal sealed class StartInstanceValidator : AbstractValidator<StartInstanceCommand>
{
    public StartInstanceValidator()
    {
        RuleFor(c => c.DefinitionId).NotEmpty().MaximumLength(ColumnSizes.DefinitionId).WithoutControlCharacters();
        RuleFor(c => c.Version).GreaterThan(0);
        RuleFor(c => c.CorrelationId).OptionalKey(ColumnSizes.Key);
        RuleFor(c => c.Name).MaximumLength(ColumnSizes.Name).WithoutControlCharacters();
        RuleFor(c => c.Input).Must(i => i is null or JsonObject).WithMessage("'{PropertyName}' must be a JSON object whose properties are the input names.");
    }
}

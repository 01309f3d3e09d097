using CareFlows.Server.Infrastructure;
using CareFlows.Server.Persistence.Configurations;
using CareFlows.Engine.Execution;
using FluentValidation;

namespace CareFlows.Server.Features.Events.PublishEvent;

internal sealed class PublishEventValidator : AbstractValidator<PublishEventCommand>
{
    public PublishEventValidator()
    {
        RuleFor(c => c.EventName).NotEmpty().MaximumLength(ColumnSizes.Name).WithoutControlCharacters()
            .NotEqual(ChildWorkflows.Completed, StringComparer.Ordinal)
            .WithMessage($"'{ChildWorkflows.Completed}' is published by CareFlows itself when a child instance ends; nobody else may say so.");
        RuleFor(c => c.CorrelationKey).OptionalKey(ColumnSizes.Key);
        RuleFor(c => c.IdempotencyKey).OptionalKey(ColumnSizes.Key);
        RuleFor(c => c.IdempotencyKeyHeader).OptionalKey(ColumnSizes.Key);
        RuleFor(c => c.Unheard).IsInEnum();
        RuleFor(c => c.IdempotencyKey)
            .Equal(c => c.IdempotencyKeyHeader)
            .When(c => c.IdempotencyKey is not null && c.IdempotencyKeyHeader is not null)
            .WithMessage("'{PropertyName}' differs from the Idempotency-Key header; send one key, or the same in both.");
    }
}

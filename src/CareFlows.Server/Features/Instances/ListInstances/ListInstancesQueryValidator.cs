using System.Linq.Expressions;
using CareFlows.Engine.Execution;
using CareFlows.Server.Infrastructure;
using CareFlows.Server.Persistence.Configurations;
using FluentValidation;

namespace CareFlows.Server.Features.Instances.ListInstances;

internal sealed class ListInstancesQueryValidator : AbstractValidator<ListInstancesQuery>
{
    public ListInstancesQueryValidator()
    {
        OneOf<WorkflowStatus>(q => q.Status);
        OneOf<WorkflowSubStatus>(q => q.SubStatus);
        RuleFor(q => q.DefinitionId).MaximumLength(ColumnSizes.DefinitionId).WithoutControlCharacters();
        RuleFor(q => q.CorrelationId).MaximumLength(ColumnSizes.Key).WithoutControlCharacters();
        RuleFor(q => q.Patient).MaximumLength(ColumnSizes.Key).WithoutControlCharacters();
        RuleFor(q => q.CreatedTo)
            .GreaterThan(q => q.CreatedFrom)
            .When(q => q.CreatedFrom is not null && q.CreatedTo is not null)
            .WithMessage("'{PropertyName}' must be later than '{ComparisonProperty}'.");
        RuleFor(q => q.Sort)
            .Must(sort => sort is null || ListInstancesQuery.Sorts.Contains(sort))
            .WithMessage($"'{{PropertyName}}' must be one of {string.Join(", ", ListInstancesQuery.Sorts)}.");
        RuleFor(q => q.Page).InclusiveBetween(1, InstancePaging.MaxPage);
        RuleFor(q => q.PageSize).InclusiveBetween(1, InstancePaging.MaxPageSize);
    }

    private void OneOf<TEnum>(Expression<Func<ListInstancesQuery, string?>> property) where TEnum : struct, Enum =>
        RuleFor(property)
            .Must(value => value is null || ListInstancesQuery.EnumName<TEnum>(value) is not null)
            .WithMessage($"'{{PropertyName}}' must be one of {string.Join(", ", Enum.GetNames<TEnum>())}.");
}

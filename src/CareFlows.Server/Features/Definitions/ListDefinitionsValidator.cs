using FluentValidation;

namespace CareFlows.Server.Features.Definitions;

internal sealed class ListDefinitionsValidator : AbstractValidator<ListDefinitions>
{
    public ListDefinitionsValidator()
    {
        RuleFor(q => q.Page).InclusiveBetween(1, ListDefinitions.MaxPage);
        RuleFor(q => q.PageSize).InclusiveBetween(1, ListDefinitions.MaxPageSize);
        RuleFor(q => q.Search).MaximumLength(256);
        RuleFor(q => q.Status).Must(s => s is null || ListDefinitions.Statuses.Contains(s))
            .WithMessage($"'status' must be one of {string.Join(", ", ListDefinitions.Statuses)}.");
        RuleFor(q => q.Sort).Must(s => s is null || ListDefinitions.Sorts.Contains(s))
            .WithMessage($"'sort' must be one of {string.Join(", ", ListDefinitions.Sorts)}.");
    }
}

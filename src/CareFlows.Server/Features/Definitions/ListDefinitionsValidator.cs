using FluentValidation;

namespace CareFlows.Server.Features.Definitions;

internal sealed class ListDefinitionsValidator : AbstractValidator<ListDefinitions>
{
    public ListDefinitionsValidator()
    {
        RuleFor(q => q.Page).InclusiveBetween(1, ListDefinitions.MaxPage).OverridePropertyName("page");
        RuleFor(q => q.PageSize).InclusiveBetween(1, ListDefinitions.MaxPageSize).OverridePropertyName("pageSize");
        RuleFor(q => q.Search).MaximumLength(256).OverridePropertyName("search");
    }
}

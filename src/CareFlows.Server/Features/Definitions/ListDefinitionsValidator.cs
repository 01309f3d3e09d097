using FluentValidation;

namespace CareFlows.Server.Features.Definitions;

internal sealed class ListDefinitionsValidator : AbstractValidator<ListDefinitions>
{
    public ListDefinitionsValidator()
    {
        RuleFor(q => q.Page).InclusiveBetween(1, ListDefinitions.MaxPage);
        RuleFor(q => q.PageSize).InclusiveBetween(1, ListDefinitions.MaxPageSize);
        RuleFor(q => q.Search).MaximumLength(256);
    }
}

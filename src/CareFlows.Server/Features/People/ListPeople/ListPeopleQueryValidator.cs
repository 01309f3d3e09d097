using CareFlows.Server.Infrastructure;
using CareFlows.Server.Persistence.Configurations;
using FluentValidation;

namespace CareFlows.Server.Features.People.ListPeople;

internal sealed class ListPeopleQueryValidator : AbstractValidator<ListPeopleQuery>
{
    public ListPeopleQueryValidator()
    {
        RuleFor(q => q.Search).MaximumLength(ColumnSizes.Name).WithoutControlCharacters();
        RuleFor(q => q.Team).MaximumLength(ColumnSizes.Id).WithoutControlCharacters();
        RuleFor(q => q.Ids)
            .Must(ids => ids is null || ids.Length <= ListPeopleQuery.MaxPageSize)
            .WithMessage($"'{{PropertyName}}' may name at most {ListPeopleQuery.MaxPageSize} people.");
        RuleForEach(q => q.Ids).MaximumLength(ColumnSizes.Id).WithoutControlCharacters();
        RuleFor(q => q.Page).InclusiveBetween(1, ListPeopleQuery.MaxPage);
        RuleFor(q => q.PageSize).InclusiveBetween(1, ListPeopleQuery.MaxPageSize);
    }
}

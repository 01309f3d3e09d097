using CareFlows.Server.Features.Users.ListUsers;
using CareFlows.Server.Infrastructure;
using CareFlows.Server.Persistence.Configurations;
using FluentValidation;

namespace CareFlows.Server.Features.Users.ListSessions;

internal sealed class ListSessionsQueryValidator : AbstractValidator<ListSessionsQuery>
{
    public ListSessionsQueryValidator()
    {
        RuleFor(q => q.Q).MaximumLength(ColumnSizes.Name).WithoutControlCharacters();
        RuleFor(q => q.Sort)
            .Must(sort => sort is null || ListSessionsQuery.Sorts.Contains(sort))
            .WithMessage($"'{{PropertyName}}' must be one of {string.Join(", ", ListSessionsQuery.Sorts)}.");
        RuleFor(q => q.Page).InclusiveBetween(1, ListUsersQuery.MaxPage);
        RuleFor(q => q.PageSize).InclusiveBetween(1, ListUsersQuery.MaxPageSize);
    }
}

using CareFlows.Server.Auth;
using CareFlows.Server.Infrastructure;
using CareFlows.Server.Persistence.Configurations;
using FluentValidation;

namespace CareFlows.Server.Features.Users.ListUsers;

internal sealed class ListUsersQueryValidator : AbstractValidator<ListUsersQuery>
{
    public ListUsersQueryValidator()
    {
        RuleFor(q => q.Q).MaximumLength(ColumnSizes.Name).WithoutControlCharacters();
        RuleFor(q => q.Role)
            .Must(role => role is null || UserFieldRules.RoleName(role) is not null)
            .WithMessage($"'{{PropertyName}}' must be one of {string.Join(", ", Roles.All)}.");
        RuleFor(q => q.Team).MaximumLength(ColumnSizes.Id).WithoutControlCharacters();
        RuleFor(q => q.Page).InclusiveBetween(1, ListUsersQuery.MaxPage);
        RuleFor(q => q.PageSize).InclusiveBetween(1, ListUsersQuery.MaxPageSize);
    }
}

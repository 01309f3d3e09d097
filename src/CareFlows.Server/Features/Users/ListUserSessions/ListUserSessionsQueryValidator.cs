using CareFlows.Server.Features.Users.ListUsers;
using FluentValidation;

namespace CareFlows.Server.Features.Users.ListUserSessions;

internal sealed class ListUserSessionsQueryValidator : AbstractValidator<ListUserSessionsQuery>
{
    public ListUserSessionsQueryValidator()
    {
        RuleFor(q => q.Page).InclusiveBetween(1, ListUsersQuery.MaxPage);
        RuleFor(q => q.PageSize).InclusiveBetween(1, ListUsersQuery.MaxPageSize);
    }
}

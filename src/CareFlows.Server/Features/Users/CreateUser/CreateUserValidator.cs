using CareFlows.Server.Infrastructure;
using CareFlows.Server.Persistence.Configurations;
using FluentValidation;

namespace CareFlows.Server.Features.Users.CreateUser;

internal sealed class CreateUserValidator : AbstractValidator<CreateUserCommand>
{
    public CreateUserValidator()
    {
        RuleFor(c => c.Email).NotEmpty().MaximumLength(ColumnSizes.Name).EmailAddress().WithoutControlCharacters();
        RuleFor(c => c.DisplayName).DisplayName();
        // The password rules themselves are Identity's (Auth:…); only their absence is checked here.
        RuleFor(c => c.Password).NotEmpty();
        RuleFor(c => c.Roles).KnownRoles();
        RuleFor(c => c.Teams).TeamIds();
    }
}

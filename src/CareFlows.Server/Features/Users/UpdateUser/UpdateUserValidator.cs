using FluentValidation;

namespace CareFlows.Server.Features.Users.UpdateUser;

internal sealed class UpdateUserValidator : AbstractValidator<UpdateUserCommand>
{
    public UpdateUserValidator()
    {
        When(c => c.Replace || c.DisplayName is not null, () => RuleFor(c => c.DisplayName).DisplayName());
        When(c => c.Replace || c.Roles is not null, () => RuleFor(c => c.Roles).KnownRoles());
        RuleFor(c => c.Teams)
            .NotNull()
            .When(c => c.Replace)
            .WithMessage("'{PropertyName}' must be given, as [] for none, when the user is replaced with PUT.");
        RuleFor(c => c.Teams).TeamIds();
    }
}

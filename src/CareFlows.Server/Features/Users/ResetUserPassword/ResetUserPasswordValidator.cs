using FluentValidation;

namespace CareFlows.Server.Features.Users.ResetUserPassword;

internal sealed class ResetUserPasswordValidator : AbstractValidator<ResetUserPasswordCommand>
{
    // The password rules themselves are Identity's; only its absence is checked here.
    public ResetUserPasswordValidator() => RuleFor(c => c.Password).NotEmpty();
}

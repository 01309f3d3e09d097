using FluentValidation;

namespace CareFlows.Server.Features.Teams.UpdateTeam;

internal sealed class UpdateTeamValidator : AbstractValidator<UpdateTeamCommand>
{
    public UpdateTeamValidator()
    {
        RuleFor(c => c.Name).TeamName();
        RuleFor(c => c.Description).TeamDescription();
    }
}

using CareFlows.Server.Persistence.Configurations;
using FluentValidation;

namespace CareFlows.Server.Features.Teams.CreateTeam;

internal sealed class CreateTeamValidator : AbstractValidator<CreateTeamCommand>
{
    public CreateTeamValidator()
    {
        RuleFor(c => c.Id)
            .MaximumLength(ColumnSizes.Id)
            .Matches(TeamSlug.Pattern)
            .WithMessage("'{PropertyName}' must be lower-case letters and digits in words joined by single hyphens, such as 'transitions-of-care'.");
        RuleFor(c => c.Name).TeamName();
        RuleFor(c => c.Description).TeamDescription();
    }
}

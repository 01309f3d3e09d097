using CareFlows.Server.Infrastructure;
using CareFlows.Server.Persistence.Configurations;
using FluentValidation;

namespace CareFlows.Server.Features.Teams;

/// <summary>What a team's name and description must be, on creation and on every change.</summary>
internal static class TeamFieldRules
{
    public static IRuleBuilderOptions<T, string?> TeamName<T>(this IRuleBuilder<T, string?> rule) => rule
        .NotEmpty()
        .MaximumLength(ColumnSizes.Name)
        .WithoutControlCharacters();

    /// <summary>A paragraph or two: line breaks and tabs are fine, other control characters are not.</summary>
    public static IRuleBuilderOptions<T, string?> TeamDescription<T>(this IRuleBuilder<T, string?> rule) => rule
        .MaximumLength(TeamConfiguration.DescriptionLength)
        .Must(value => value is null || !value.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
        .WithMessage("'{PropertyName}' must not contain control characters other than line breaks and tabs.");
}

using CareFlows.Server.Auth;
using CareFlows.Server.Infrastructure;
using CareFlows.Server.Persistence.Configurations;
using FluentValidation;

namespace CareFlows.Server.Features.Users;

/// <summary>What a user's display name, roles and teams must be, on creation and on every change.</summary>
internal static class UserFieldRules
{
    public static IRuleBuilderOptions<T, string?> DisplayName<T>(this IRuleBuilder<T, string?> rule) => rule
        .NotEmpty()
        .MaximumLength(ColumnSizes.Name)
        .WithoutControlCharacters();

    /// <summary>At least one role, each one CareFlows knows (in any case); an unknown one is keyed by its index.</summary>
    public static void KnownRoles<T>(this IRuleBuilder<T, IReadOnlyList<string>?> rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        rule.NotEmpty().WithMessage($"'{{PropertyName}}' must name at least one of {string.Join(", ", Roles.All)}.");
        rule.Custom((roles, context) =>
        {
            for (var i = 0; i < (roles?.Count ?? 0); i++)
            {
                if (RoleName(roles![i]) is null)
                {
                    context.AddFailure($"{context.PropertyPath}[{i}]", $"'{context.DisplayName}[{i}]' must be one of {string.Join(", ", Roles.All)}.");
                }
            }
        });
    }

    /// <summary>Team ids that could name a team; whether they do is the handler's check.</summary>
    public static void TeamIds<T>(this IRuleBuilder<T, IReadOnlyList<string>?> rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        rule.Custom((teams, context) =>
        {
            for (var i = 0; i < (teams?.Count ?? 0); i++)
            {
                if (string.IsNullOrWhiteSpace(teams![i]) || teams[i].Length > ColumnSizes.Id || teams[i].Any(char.IsControl))
                {
                    context.AddFailure($"{context.PropertyPath}[{i}]", $"'{context.DisplayName}[{i}]' must be a team id.");
                }
            }
        });
    }

    /// <summary>The role's own name for <paramref name="value"/> (any case), or null.</summary>
    public static string? RoleName(string? value) =>
        value is null ? null : Roles.All.FirstOrDefault(r => string.Equals(r, value, StringComparison.OrdinalIgnoreCase));
}

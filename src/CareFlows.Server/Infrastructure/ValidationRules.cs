using FluentValidation;

namespace CareFlows.Server.Infrastructure;

/// <summary>Validation rules that several commands share.</summary>
public static class ValidationRules
{
    /// <summary>
    /// An optional key or name: absent is fine, but when given it has a visible character and fits its column. An
    /// empty string would otherwise be stored and matched as a key of its own.
    /// </summary>
    public static IRuleBuilderOptions<T, string?> OptionalKey<T>(this IRuleBuilder<T, string?> rule, int maxLength) => rule
        .Must(value => value is null || !string.IsNullOrWhiteSpace(value))
        .WithMessage("'{PropertyName}' must not be empty; leave it out instead.")
        .MaximumLength(maxLength)
        .WithoutControlCharacters();

    /// <summary>
    /// Text kept in a column and matched on: control characters have no place in a key or a name, and PostgreSQL
    /// refuses the NUL character in text outright.
    /// </summary>
    public static IRuleBuilderOptions<T, string?> WithoutControlCharacters<T>(this IRuleBuilder<T, string?> rule) => rule
        .Must(value => value is null || !value.Any(char.IsControl))
        .WithMessage("'{PropertyName}' must not contain control characters.");
}

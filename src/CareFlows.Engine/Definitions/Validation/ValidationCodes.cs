namespace CareFlows.Engine.Definitions.Validation;

/// <summary>
/// Codes of the validator's own checks. Problems the workflow compiler finds carry the name of their
/// <see cref="Activities.CompilationErrorCode"/> instead, for example <c>InvalidExpression</c>.
/// </summary>
public static class ValidationCodes
{
    public const string UnknownActivityType = nameof(UnknownActivityType);
    public const string DuplicateActivityId = nameof(DuplicateActivityId);
    public const string DuplicateVariable = nameof(DuplicateVariable);
    public const string MissingActivity = nameof(MissingActivity);
    public const string UnknownPort = nameof(UnknownPort);
    public const string NoStartActivity = nameof(NoStartActivity);
    public const string UnsupportedRoot = nameof(UnsupportedRoot);
    public const string Unreachable = nameof(Unreachable);
    public const string MissingInput = nameof(MissingInput);
    public const string UnknownVariableType = nameof(UnknownVariableType);
}

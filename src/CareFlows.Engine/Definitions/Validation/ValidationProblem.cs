namespace CareFlows.Engine.Definitions.Validation;

/// <summary>
/// One thing wrong with a definition: where (a JSON path such as <c>$.root.activities[3].type</c>), what,
/// in words a clinical lead understands, a stable code (see <see cref="ValidationCodes"/>) and how serious it is.
/// </summary>
public sealed record ValidationProblem(string Path, string Message, string Code, ValidationSeverity Severity);

/// <summary>How serious a validation problem is.</summary>
public enum ValidationSeverity
{
    /// <summary>The definition is wrong and should not be published as it is.</summary>
    Error,

    /// <summary>The definition can be used, but something in it is probably a mistake.</summary>
    Warning,
}

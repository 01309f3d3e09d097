namespace CareFlows.Engine.Definitions.Validation;

/// <summary>Every problem found in a definition, and whether the engine can run it.</summary>
public sealed class ValidationReport(IReadOnlyList<ValidationProblem> problems, bool canRun)
{
    /// <summary>Every problem, errors and warnings, in the order the checks found them.</summary>
    public IReadOnlyList<ValidationProblem> Problems => problems;

    /// <summary>True when no problem is an error; warnings are allowed.</summary>
    public bool IsValid => !problems.Any(p => p.Severity == ValidationSeverity.Error);

    /// <summary>
    /// True when the engine would accept and run the definition as it stands. A definition can run and still be
    /// invalid, for example when a connection leaves through a port its activity never takes.
    /// </summary>
    public bool CanRun => canRun;

    public IEnumerable<ValidationProblem> Errors => problems.Where(p => p.Severity == ValidationSeverity.Error);

    public IEnumerable<ValidationProblem> Warnings => problems.Where(p => p.Severity == ValidationSeverity.Warning);
}

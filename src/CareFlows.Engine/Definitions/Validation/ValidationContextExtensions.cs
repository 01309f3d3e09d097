using CareFlows.Engine.Execution;
using FluentValidation;
using FluentValidation.Results;

namespace CareFlows.Engine.Definitions.Validation;

/// <summary>
/// Records problems as FluentValidation failures whose property name is the JSON path, and keeps what the
/// checks share during one validation: the paths already reported and the compiler's result.
/// </summary>
internal static class ValidationContextExtensions
{
    private const string ReportedPathsKey = "CareFlows.ReportedPaths";
    private const string CompilationKey = "CareFlows.Compilation";

    public static void ReportError(this ValidationContext<WorkflowDefinition> context, string path, string code, string message) =>
        Report(context, path, code, message, Severity.Error);

    public static void ReportWarning(this ValidationContext<WorkflowDefinition> context, string path, string code, string message) =>
        Report(context, path, code, message, Severity.Warning);

    /// <summary>Whether an earlier check already reported a problem at this path.</summary>
    public static bool WasReported(this ValidationContext<WorkflowDefinition> context, string path) =>
        context.RootContextData.TryGetValue(ReportedPathsKey, out var paths) && ((HashSet<string>)paths).Contains(path);

    public static void SetCompilation(this ValidationContext<WorkflowDefinition> context, CompilationResult result) =>
        context.RootContextData[CompilationKey] = result;

    public static CompilationResult? GetCompilation(this ValidationContext<WorkflowDefinition> context) =>
        context.RootContextData.TryGetValue(CompilationKey, out var result) ? (CompilationResult)result : null;

    /// <summary>The problem a failure recorded by <see cref="Report"/> stands for.</summary>
    public static ValidationProblem ToProblem(this ValidationFailure failure) =>
        new(failure.PropertyName, failure.ErrorMessage, failure.ErrorCode, failure.Severity == Severity.Error ? ValidationSeverity.Error : ValidationSeverity.Warning);

    private static void Report(ValidationContext<WorkflowDefinition> context, string path, string code, string message, Severity severity)
    {
        context.AddFailure(new ValidationFailure(path, message) { ErrorCode = code, Severity = severity });
        if (!context.RootContextData.TryGetValue(ReportedPathsKey, out var paths))
        {
            context.RootContextData[ReportedPathsKey] = paths = new HashSet<string>(StringComparer.Ordinal);
        }

        ((HashSet<string>)paths).Add(path);
    }
}

using CareFlows.Engine.Activities;
using CareFlows.Engine.Execution;
using FluentValidation;

namespace CareFlows.Engine.Definitions.Validation;

/// <summary>
/// Runs the workflow compiler and reports what it finds (bad expressions, variable values, activity settings),
/// leaving out what the other checks have already reported in their own words.
/// </summary>
internal sealed class CompilerProblemValidator : AbstractValidator<WorkflowDefinition>
{
    // The validator's own checks cover these, with their own codes and wording.
    private static readonly CompilationErrorCode[] CoveredElsewhere =
    [
        CompilationErrorCode.UnknownActivityType,
        CompilationErrorCode.MissingConnectionTarget,
        CompilationErrorCode.NoStartActivity,
        CompilationErrorCode.UnsupportedRoot,
    ];

    public CompilerProblemValidator(WorkflowCompiler compiler) =>
        RuleFor(d => d).Custom((definition, context) =>
        {
            var result = compiler.Compile(definition);
            context.SetCompilation(result);
            foreach (var error in result.Errors)
            {
                if (!CoveredElsewhere.Contains(error.Code) && !context.WasReported(error.Path))
                {
                    context.ReportError(error.Path, error.Code.ToString(), error.Message);
                }
            }
        });
}

using CareFlows.Engine.Activities;
using CareFlows.Engine.Execution;
using FluentValidation;

namespace CareFlows.Engine.Definitions.Validation;

/// <summary>
/// Checks a definition before it is published: unknown activity types, duplicate ids, broken connections, a missing
/// start, unreachable activities, required inputs left empty, unknown variable types, and whatever the workflow
/// compiler rejects. Every occurrence is reported with its JSON path, not only the first.
/// </summary>
public sealed class WorkflowDefinitionValidator
{
    private readonly WorkflowDefinitionRules _rules;

    public WorkflowDefinitionValidator(ActivityRegistry registry, WorkflowCompiler compiler)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(compiler);
        _rules = new WorkflowDefinitionRules(registry, compiler);
    }

    /// <summary>
    /// The checks as a FluentValidation validator, for pipelines that take one. Each failure's property name is the
    /// JSON path at fault and its error code is the problem's code; warnings have <see cref="Severity.Warning"/>.
    /// </summary>
    public IValidator<WorkflowDefinition> Rules => _rules;

    /// <summary>Runs every check and reports every problem found.</summary>
    public ValidationReport Validate(WorkflowDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var context = new ValidationContext<WorkflowDefinition>(definition);
        var result = _rules.Validate(context);
        var problems = result.Errors.Select(f => f.ToProblem()).ToList();
        return new ValidationReport(problems, context.GetCompilation()?.Succeeded ?? false);
    }
}

using CareFlows.Engine.Activities;
using CareFlows.Engine.Execution;
using FluentValidation;

namespace CareFlows.Engine.Definitions.Validation;

/// <summary>Every check, in the order problems are reported. The compiler's check runs last so it can leave out repeats.</summary>
internal sealed class WorkflowDefinitionRules : AbstractValidator<WorkflowDefinition>
{
    public WorkflowDefinitionRules(ActivityRegistry registry, WorkflowCompiler compiler)
    {
        Include(new StartActivityValidator());
        Include(new ActivityTypeValidator(registry));
        Include(new DuplicateActivityIdValidator());
        Include(new ConnectionValidator(registry, compiler));
        Include(new ReachabilityValidator(registry));
        Include(new RequiredInputValidator(registry));
        Include(new DuplicateVariableValidator());
        Include(new VariableTypeValidator());
        Include(new CompilerProblemValidator(compiler));
    }
}

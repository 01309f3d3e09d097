using FluentValidation;

namespace CareFlows.Engine.Definitions.Validation;

/// <summary>A check of the root flowchart. Roots of other kinds are reported once, by <see cref="StartActivityValidator"/>.</summary>
internal abstract class FlowchartValidator : AbstractValidator<WorkflowDefinition>
{
    protected FlowchartValidator() =>
        RuleFor(d => d.Flowchart).Custom((flowchart, context) =>
        {
            if (flowchart is not null)
            {
                Check(flowchart, context);
            }
        });

    protected abstract void Check(FlowchartDefinition flowchart, ValidationContext<WorkflowDefinition> context);
}

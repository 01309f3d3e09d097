using FluentValidation;

namespace CareFlows.Engine.Definitions.Validation;

/// <summary>The root must be a flowchart, and the flowchart must have an activity to start from.</summary>
internal sealed class StartActivityValidator : AbstractValidator<WorkflowDefinition>
{
    public StartActivityValidator() =>
        RuleFor(d => d.Root).Custom((root, context) =>
        {
            if (root is not FlowchartDefinition flowchart)
            {
                context.ReportError(JsonPaths.RootType, ValidationCodes.UnsupportedRoot, $"The workflow's top level is '{root.Type}'. CareFlows can only run workflows drawn as a flowchart ({FlowchartDefinition.TypeName}).");
            }
            else if (flowchart.Activities.Count == 0)
            {
                context.ReportError(JsonPaths.RootActivities, ValidationCodes.NoStartActivity, "The workflow has no activities, so there is nothing to start.");
            }
            else if (flowchart.Start is { } start && flowchart.FindActivity(start) is null)
            {
                context.ReportError(JsonPaths.RootStart, ValidationCodes.NoStartActivity, $"The workflow is set to start at activity '{start}', which does not exist in it.");
            }
        });
}

using CareFlows.Engine.Activities;
using FluentValidation;

namespace CareFlows.Engine.Definitions.Validation;

/// <summary>Every activity type must be one the engine knows.</summary>
internal sealed class ActivityTypeValidator(ActivityRegistry registry) : FlowchartValidator
{
    protected override void Check(FlowchartDefinition flowchart, ValidationContext<WorkflowDefinition> context)
    {
        foreach (var (activity, path) in JsonPaths.Activities(flowchart))
        {
            if (registry.Find(activity.Type) is null)
            {
                context.ReportError(
                    $"{path}.type",
                    ValidationCodes.UnknownActivityType,
                    $"Activity {Wording.Activity(activity)} is of type '{activity.Type}', which CareFlows does not have. The definition can be imported and saved, but it cannot run until that activity type is available.");
            }
        }
    }
}

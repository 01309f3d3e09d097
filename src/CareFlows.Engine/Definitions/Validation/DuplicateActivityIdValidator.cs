using FluentValidation;

namespace CareFlows.Engine.Definitions.Validation;

/// <summary>Each activity needs its own id, because connections name activities by id.</summary>
internal sealed class DuplicateActivityIdValidator : FlowchartValidator
{
    protected override void Check(FlowchartDefinition flowchart, ValidationContext<WorkflowDefinition> context)
    {
        var first = new Dictionary<string, ActivityDefinition>(StringComparer.Ordinal);
        foreach (var (activity, path) in JsonPaths.Activities(flowchart))
        {
            if (!first.TryAdd(activity.Id, activity))
            {
                context.ReportError(
                    $"{path}.id",
                    ValidationCodes.DuplicateActivityId,
                    $"Activity '{activity.DisplayName}' has the id '{activity.Id}', which activity '{first[activity.Id].DisplayName}' already uses. Each activity needs its own id.");
            }
        }
    }
}

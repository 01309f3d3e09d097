using CareFlows.Engine.Activities;
using FluentValidation;

namespace CareFlows.Engine.Definitions.Validation;

/// <summary>
/// Expression inputs an activity type marks as required should be set; an empty value counts as not set. Inputs the
/// activity reads itself are checked by the activity when the definition is compiled.
/// </summary>
internal sealed class RequiredInputValidator(ActivityRegistry registry) : FlowchartValidator
{
    protected override void Check(FlowchartDefinition flowchart, ValidationContext<WorkflowDefinition> context)
    {
        foreach (var (activity, path) in JsonPaths.Activities(flowchart))
        {
            foreach (var input in registry.Find(activity.Type)?.Inputs.Where(d => d.Required && d.Property is not null) ?? [])
            {
                if (!IsSet(activity.GetInput(input.Name)))
                {
                    context.ReportWarning(
                        $"{path}.{activity.FindPropertyKey(input.Name) ?? input.Name}",
                        ValidationCodes.MissingInput,
                        $"Activity {Wording.Activity(activity)} needs a value for '{input.DisplayName}', but none is set.");
                }
            }
        }
    }

    private static bool IsSet(InputDefinition? input) => !string.IsNullOrWhiteSpace(input?.Expression.Text);
}

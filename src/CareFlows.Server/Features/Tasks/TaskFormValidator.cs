using System.Text.Json.Nodes;
using CareFlows.Engine.Activities.Tasks;
using CareFlows.Server.Infrastructure;
using FluentValidation;

namespace CareFlows.Server.Features.Tasks;

/// <summary>
/// The rules a completion must keep, built from the task's own form and outcomes: a rule per field (its type, whether
/// it is required, its options and limits, as <see cref="TaskFormField.Check"/> says), keyed by the field's JSON path
/// in the request (<c>$.data.reached</c>), and the outcome among the allowed ones (<c>$.outcome</c>).
/// </summary>
[BuiltFromData]
internal sealed class TaskFormValidator : AbstractValidator<CompleteTaskRequest>
{
    public TaskFormValidator(TaskForm? form, IReadOnlyList<string> outcomes)
    {
        RuleFor(r => r.Outcome)
            .Must(o => HumanTask.OutcomeProblem(outcomes, o) is null)
            .WithMessage(r => HumanTask.OutcomeProblem(outcomes, r.Outcome)!)
            .OverridePropertyName("$.outcome");
        RuleFor(r => r.Data)
            .Must(d => d is null or JsonObject)
            .WithMessage("'data' must be an object with the form's fields.")
            .OverridePropertyName("$.data");
        foreach (var field in form?.Fields ?? [])
        {
            RuleFor(r => Value(r.Data, field.Key))
                .Must(v => field.Check(v) is null)
                .WithMessage(r => field.Check(Value(r.Data, field.Key))!)
                .OverridePropertyName($"$.data.{field.Key}");
        }
    }

    private static JsonNode? Value(JsonNode? data, string key) => data is JsonObject fields ? fields[key] : null;
}

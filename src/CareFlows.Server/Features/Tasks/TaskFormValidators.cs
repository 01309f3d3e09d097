using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using CareFlows.Engine.Activities.Tasks;
using CareFlows.Server.Infrastructure;
using CareFlows.Server.Persistence.Entities;
using CareFlows.Server.Runtime;

namespace CareFlows.Server.Features.Tasks;

/// <summary>
/// The completion rules of each distinct form and set of outcomes, built once and shared: building a validator
/// compiles an expression per rule, which costs more than the completion's whole transaction, while a pathway's tasks
/// share a handful of forms. Validators keep no state between validations, so one serves every request.
/// </summary>
public sealed class TaskFormValidators
{
    /// <summary>Forms made per task by an expression would otherwise grow the cache without end.</summary>
    private const int Capacity = 1_000;

    private readonly ConcurrentDictionary<(string Kind, string? Form, string Outcomes), TaskFormValidator> _built = new();

    /// <summary>The completion's errors by JSON path against the task's form and outcomes, or null: the inbox's <see cref="CompletionRules"/>.</summary>
    public IReadOnlyDictionary<string, string[]>? Check(InboxTaskRecord task, string? outcome, JsonNode? data)
    {
        var result = For(task).Validate(new CompleteTaskRequest(outcome, data));
        return result.IsValid ? null : ValidationErrors.ByPath(result.Errors);
    }

    /// <summary>
    /// A completion's errors by JSON path against a form and outcomes that are not stored in the inbox (a test run's
    /// task), or null; the same rules as <see cref="Check(InboxTaskRecord, string?, JsonNode?)"/>.
    /// </summary>
    public static IReadOnlyDictionary<string, string[]>? Check(TaskForm? form, IReadOnlyList<string> outcomes, string? outcome, JsonNode? data)
    {
        var result = new TaskFormValidator(form, outcomes).Validate(new CompleteTaskRequest(outcome, data));
        return result.IsValid ? null : ValidationErrors.ByPath(result.Errors);
    }

    internal TaskFormValidator For(InboxTaskRecord task)
    {
        ArgumentNullException.ThrowIfNull(task);
        var key = (task.Kind, task.Form, task.Outcomes);
        if (_built.TryGetValue(key, out var validator))
        {
            return validator;
        }

        if (_built.Count >= Capacity)
        {
            _built.Clear();
        }

        return _built.GetOrAdd(key, Build(task));
    }

    private static TaskFormValidator Build(InboxTaskRecord task)
    {
        if (task.Kind != nameof(HumanTask))
        {
            // A generic task (RunTask) completes with whatever result its caller sends.
            return new TaskFormValidator(null, []);
        }

        var form = TaskForm.Parse(task.Form is null ? null : JsonNode.Parse(task.Form), out _);
        return new TaskFormValidator(form, TaskMapping.OutcomesOf(task));
    }
}

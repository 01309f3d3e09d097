using FluentValidation;

namespace CareFlows.Engine.Definitions.Validation;

/// <summary>Each variable needs its own id and its own name; names are compared ignoring case, as expressions look them up.</summary>
internal sealed class DuplicateVariableValidator : AbstractValidator<WorkflowDefinition>
{
    public DuplicateVariableValidator() =>
        RuleFor(d => d).Custom((definition, context) =>
        {
            var ids = new HashSet<string>(StringComparer.Ordinal);
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var (variable, path) in JsonPaths.Variables(definition))
            {
                if (variable.Id is { Length: > 0 } id && !ids.Add(id))
                {
                    context.ReportError($"{path}.id", ValidationCodes.DuplicateVariable, $"Variable '{variable.Name}' has the id '{id}', which another variable already uses. Each variable needs its own id.");
                }

                if (!names.Add(variable.Name))
                {
                    context.ReportError($"{path}.name", ValidationCodes.DuplicateVariable, $"There is more than one variable named '{variable.Name}'. Each variable needs its own name.");
                }
            }
        });
}

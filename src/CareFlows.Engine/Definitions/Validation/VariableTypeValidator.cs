using CareFlows.Engine.Expressions;
using FluentValidation;

namespace CareFlows.Engine.Definitions.Validation;

/// <summary>Every variable's type must be one CareFlows can hold.</summary>
internal sealed class VariableTypeValidator : AbstractValidator<WorkflowDefinition>
{
    public VariableTypeValidator() =>
        RuleFor(d => d).Custom((definition, context) =>
        {
            foreach (var (variable, path) in JsonPaths.Variables(definition))
            {
                if (!TypeAliases.TryResolve(variable.TypeName, out _))
                {
                    context.ReportError(
                        $"{path}.typeName",
                        ValidationCodes.UnknownVariableType,
                        $"Variable '{variable.Name}' has the type '{variable.TypeName}', which CareFlows does not know. Use a type such as String, Int32, Boolean, DateTime or Object.");
                }
            }
        });
}

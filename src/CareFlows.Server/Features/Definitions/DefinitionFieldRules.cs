using CareFlows.Engine.Definitions;
using CareFlows.Server.Persistence.Configurations;
using FluentValidation;

namespace CareFlows.Server.Features.Definitions;

/// <summary>
/// What the store needs of a definition's own fields before it can keep it: ids and name that fit their columns,
/// and a definition id that can stand in a URL path segment. Failures are keyed by JSON path.
/// </summary>
internal static class DefinitionFieldRules
{
    private static readonly char[] UnaddressableCharacters = ['/', '\\', '?', '#', '%'];

    public static void Check<T>(WorkflowDefinition definition, string path, ValidationContext<T> context)
    {
        if (definition.DefinitionId is { } definitionId)
        {
            var problem = definitionId switch
            {
                _ when string.IsNullOrWhiteSpace(definitionId) => "'definitionId' must not be blank.",
                { Length: > ColumnSizes.DefinitionId } => $"'definitionId' must be at most {ColumnSizes.DefinitionId} characters long.",
                _ when definitionId.IndexOfAny(UnaddressableCharacters) >= 0 || definitionId.Any(char.IsControl) =>
                    "'definitionId' must not contain '/', '\\', '?', '#', '%' or control characters, so that it can be used in a URL.",
                _ => null,
            };
            if (problem is not null)
            {
                context.AddFailure($"{path}.definitionId", problem);
            }
        }

        if (definition.Id is { Length: > ColumnSizes.Id })
        {
            context.AddFailure($"{path}.id", $"'id' must be at most {ColumnSizes.Id} characters long.");
        }

        if (definition.Name is { Length: > ColumnSizes.Name })
        {
            context.AddFailure($"{path}.name", $"'name' must be at most {ColumnSizes.Name} characters long.");
        }
    }
}

using System.Text.Json;
using System.Text.Json.Nodes;
using CareFlows.Engine.Definitions;

namespace CareFlows.Engine.Expressions;

/// <summary>
/// <c>Variable</c>: reads one declared variable. The value is the variable object Elsa Studio's picker writes
/// (<c>{"id": …, "name": …}</c>, as JSON text or as an object) or a plain variable name. The variable is looked up
/// when the definition is compiled, so a reference to an undeclared variable fails early.
/// </summary>
public sealed class VariableSyntax : IExpressionSyntax
{
    public IReadOnlyList<string> Names { get; } = [ExpressionDefinition.Variable];

    public CompiledExpression Compile(ExpressionDefinition expression, Type resultType, ExpressionCompilationContext context)
    {
        ArgumentNullException.ThrowIfNull(expression);
        ArgumentNullException.ThrowIfNull(context);
        var (id, name) = ReadReference(expression.Value);
        var variable = (id is null ? null : context.FindVariable(id)) ?? (name is null ? null : context.FindVariable(name));
        if (variable is null)
        {
            throw new ExpressionSyntaxException($"Variable '{name ?? id ?? ""}' is not declared.");
        }

        return new VariableExpression(variable.Name, resultType);
    }

    private static (string? Id, string? Name) ReadReference(JsonNode? value)
    {
        if (value is JsonValue v && v.GetValueKind() == JsonValueKind.String)
        {
            var text = v.GetValue<string>().Trim();
            if (!text.StartsWith('{'))
            {
                return (null, text.Length == 0 ? null : text);
            }

            try
            {
                value = JsonNode.Parse(text);
            }
            catch (JsonException e)
            {
                throw new ExpressionSyntaxException($"Variable expression is not a valid variable reference: {e.Message}", e);
            }
        }

        if (value is JsonObject reference)
        {
            return (TextOf(JsonKeys.Get(reference, "id")), TextOf(JsonKeys.Get(reference, "name")));
        }

        throw new ExpressionSyntaxException("Variable expression names no variable.");
    }

    private static string? TextOf(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>() is { Length: > 0 } text ? text : null;
}

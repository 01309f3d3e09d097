using System.Text.Json;
using System.Text.Json.Nodes;
using CareFlows.Engine.Definitions;

namespace CareFlows.Engine.Expressions;

/// <summary>
/// <c>Object</c> (and its obsolete alias <c>Json</c>): JSON text inside a string, such as <c>"[\"One\",\"Two\"]"</c>,
/// parsed and converted to the result type once, when the definition is compiled. A JSON value that is not a
/// string is taken as it is.
/// </summary>
public sealed class ObjectSyntax : IExpressionSyntax
{
    public IReadOnlyList<string> Names { get; } = [ExpressionDefinition.Object, ExpressionDefinition.Json];

    public CompiledExpression Compile(ExpressionDefinition expression, Type resultType, ExpressionCompilationContext context)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var value = expression.Value is JsonValue v && v.GetValueKind() == JsonValueKind.String
            ? Parse(v.GetValue<string>())
            : expression.Value;
        return new ConstantExpression(ExpressionDefinition.Object, ResultConversion.AtCompileTime(value, resultType));
    }

    private static JsonNode? Parse(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException e)
        {
            var line = (e.LineNumber ?? 0) + 1;
            var position = (e.BytePositionInLine ?? 0) + 1;
            throw new ExpressionSyntaxException($"Object expression is not valid JSON at line {line}, position {position}: {e.Message}", e);
        }
    }
}

using System.Text.Json.Nodes;
using CareFlows.Engine.Definitions;

namespace CareFlows.Engine.Expressions;

/// <summary>Interim: literal and object syntaxes only.</summary>
public static class DefaultExpressionSyntaxes
{
    public static IReadOnlyList<IExpressionSyntax> Create(ExpressionOptions options) => [new Interim()];

    public static ExpressionCompiler CreateCompiler(ExpressionOptions? options = null) => new(Create(options ?? new ExpressionOptions()));

    private sealed class Interim : IExpressionSyntax
    {
        public IReadOnlyList<string> Names => ["Literal", "Object", "Json"];

        public CompiledExpression Compile(ExpressionDefinition expression, Type resultType, ExpressionCompilationContext context) =>
            new ConstantExpression(expression.Type, expression.Type == "Literal" || expression.Value is not JsonValue
                ? ValueConverter.Convert(expression.Value, resultType)
                : ValueConverter.Convert(JsonNode.Parse(expression.Text!), resultType));
    }
}

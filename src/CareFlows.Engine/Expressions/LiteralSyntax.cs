using CareFlows.Engine.Definitions;

namespace CareFlows.Engine.Expressions;

/// <summary>
/// <c>Literal</c>: the JSON value itself, converted to the result type once, when the definition is compiled.
/// Expressions without a type are literals too, as in Elsa.
/// </summary>
public sealed class LiteralSyntax : IExpressionSyntax
{
    public IReadOnlyList<string> Names { get; } = [ExpressionDefinition.Literal];

    public CompiledExpression Compile(ExpressionDefinition expression, Type resultType, ExpressionCompilationContext context)
    {
        ArgumentNullException.ThrowIfNull(expression);
        return new ConstantExpression(ExpressionDefinition.Literal, ResultConversion.AtCompileTime(expression.Value, resultType));
    }
}

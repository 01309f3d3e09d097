using CareFlows.Engine.Expressions.JavaScript;
using CareFlows.Engine.Expressions.Liquid;

namespace CareFlows.Engine.Expressions;

/// <summary>The expression syntaxes CareFlows understands out of the box.</summary>
public static class DefaultExpressionSyntaxes
{
    /// <summary>Literal, Object (and Json), Variable, JavaScript and Liquid, sandboxed by <paramref name="options"/>.</summary>
    public static IReadOnlyList<IExpressionSyntax> Create(ExpressionOptions options) =>
    [
        new LiteralSyntax(),
        new ObjectSyntax(),
        new VariableSyntax(),
        new JavaScriptSyntax(options),
        new LiquidSyntax(options),
    ];

    /// <summary>A compiler for the default syntaxes.</summary>
    public static ExpressionCompiler CreateCompiler(ExpressionOptions? options = null) => new(Create(options ?? new ExpressionOptions()));
}

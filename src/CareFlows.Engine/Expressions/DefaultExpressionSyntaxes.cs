using CareFlows.Engine.Calendar;
using CareFlows.Engine.Expressions.JavaScript;
using CareFlows.Engine.Expressions.Liquid;

namespace CareFlows.Engine.Expressions;

/// <summary>The expression syntaxes CareFlows understands out of the box.</summary>
public static class DefaultExpressionSyntaxes
{
    /// <summary>
    /// Literal, Object (and Json), Variable, JavaScript and Liquid, sandboxed by <paramref name="options"/>; scripts
    /// and templates do business-day arithmetic on <paramref name="calendar"/> (default: <see cref="BusinessCalendar.Default"/>).
    /// </summary>
    public static IReadOnlyList<IExpressionSyntax> Create(ExpressionOptions options, BusinessCalendar? calendar = null) =>
    [
        new LiteralSyntax(),
        new ObjectSyntax(),
        new VariableSyntax(),
        new JavaScriptSyntax(options, calendar),
        new LiquidSyntax(options, calendar),
    ];

    /// <summary>A compiler for the default syntaxes.</summary>
    public static ExpressionCompiler CreateCompiler(ExpressionOptions? options = null, BusinessCalendar? calendar = null) =>
        new(Create(options ?? new ExpressionOptions(), calendar));
}

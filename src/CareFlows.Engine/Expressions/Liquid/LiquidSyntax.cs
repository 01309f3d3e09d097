using System.Globalization;
using CareFlows.Engine.Definitions;
using Fluid;

namespace CareFlows.Engine.Expressions.Liquid;

/// <summary>
/// <c>Liquid</c>: a Fluid template, parsed once when a definition is compiled and rendered to text, then converted
/// to the result type. Templates keep Fluid's sandbox (no access to host objects) and run at most
/// <see cref="ExpressionOptions.MaxStatements"/> steps.
/// </summary>
public sealed class LiquidSyntax : IExpressionSyntax
{
    private static readonly FluidParser Parser = new();

    private readonly TemplateOptions _options;

    public LiquidSyntax(ExpressionOptions? options = null)
    {
        options ??= new ExpressionOptions();
        _options = new TemplateOptions
        {
            MaxSteps = options.MaxStatements,
            MaxRecursion = options.MaxRecursionDepth,
            CultureInfo = CultureInfo.InvariantCulture,
            TimeZone = TimeZoneInfo.Utc,
        };
    }

    public IReadOnlyList<string> Names { get; } = [ExpressionDefinition.Liquid];

    public CompiledExpression Compile(ExpressionDefinition expression, Type resultType, ExpressionCompilationContext context)
    {
        ArgumentNullException.ThrowIfNull(expression);
        if (!Parser.TryParse(expression.Text ?? "", out var template, out var error))
        {
            // Fluid appends the whole source after the first line; the first line says what and where.
            throw new ExpressionSyntaxException($"Liquid syntax error: {error.Split('\n')[0].Trim()}");
        }

        return new LiquidExpression(template, _options, resultType);
    }
}

using System.Globalization;
using CareFlows.Engine.Calendar;
using CareFlows.Engine.Definitions;
using Fluid;

namespace CareFlows.Engine.Expressions.Liquid;

/// <summary>
/// <c>Liquid</c>: a Fluid template, parsed once when a definition is compiled and rendered to text, then converted
/// to the result type. Templates keep Fluid's sandbox (no access to host objects) and run at most
/// <see cref="ExpressionOptions.MaxStatements"/> steps. The filters <c>add_business_days</c>, <c>end_of_business_day</c>
/// and <c>business_days_between</c> work on the organisation's calendar.
/// </summary>
public sealed class LiquidSyntax : IExpressionSyntax
{
    private static readonly FluidParser Parser = new();

    private readonly TemplateOptions _options;

    /// <summary>A syntax with <paramref name="options"/>' limits whose business-day filters use <paramref name="calendar"/> (default: <see cref="BusinessCalendar.Default"/>).</summary>
    public LiquidSyntax(ExpressionOptions? options = null, BusinessCalendar? calendar = null)
    {
        options ??= new ExpressionOptions();
        _options = new TemplateOptions
        {
            MaxSteps = options.MaxStatements,
            MaxRecursion = options.MaxRecursionDepth,
            CultureInfo = CultureInfo.InvariantCulture,
            TimeZone = TimeZoneInfo.Utc,
        };
        CalendarFilters.Register(_options.Filters, calendar ?? BusinessCalendar.Default);
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

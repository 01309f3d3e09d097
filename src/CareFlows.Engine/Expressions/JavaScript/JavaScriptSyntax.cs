using System.Collections.Concurrent;
using CareFlows.Engine.Calendar;
using CareFlows.Engine.Definitions;

namespace CareFlows.Engine.Expressions.JavaScript;

/// <summary>
/// <c>JavaScript</c>: a script run by Jint in a sandbox with no CLR access and the limits of
/// <see cref="ExpressionOptions"/>. Scripts are parsed once, when a definition is compiled, and the same text is
/// parsed only once however many definitions use it. Elsa's globals are available: <c>getVariable</c>,
/// <c>setVariable</c>, <c>variables.X</c>, <c>getInput</c>, <c>input</c>, <c>getOutputFrom</c>,
/// <c>getLastResult</c>, <c>getWorkflowInstanceId</c>, <c>getCorrelationId</c>, <c>setCorrelationId</c>,
/// <c>setWorkflowInstanceName</c>, <c>newGuid</c>, <c>toJson</c>, <c>isNullOrEmpty</c>, and
/// <c>get&lt;Name&gt;()</c>/<c>set&lt;Name&gt;(value)</c> for variables and inputs; and the business-day functions
/// <c>addBusinessDays</c>, <c>endOfBusinessDay</c> and <c>businessDaysBetween</c> on the organisation's calendar.
/// </summary>
public sealed class JavaScriptSyntax : IExpressionSyntax
{
    // Scripts come from definitions, so distinct texts are few; the bound only guards against a flood of them.
    private const int MaxCachedPrograms = 10_000;

    private readonly ConcurrentDictionary<string, JavaScriptProgram> _programs = new(StringComparer.Ordinal);
    private readonly JavaScriptSandboxPool _pool;

    /// <summary>A syntax with <paramref name="options"/>' limits whose business-day functions use <paramref name="calendar"/> (default: <see cref="BusinessCalendar.Default"/>).</summary>
    public JavaScriptSyntax(ExpressionOptions? options = null, BusinessCalendar? calendar = null)
    {
        options ??= new ExpressionOptions();
        _pool = new JavaScriptSandboxPool(new ExpressionOptions
        {
            ScriptTimeout = options.ScriptTimeout,
            RegexTimeout = options.RegexTimeout,
            MaxStatements = options.MaxStatements,
            MaxRecursionDepth = options.MaxRecursionDepth,
            MaxMemoryBytes = options.MaxMemoryBytes,
        }, calendar ?? BusinessCalendar.Default);
    }

    public IReadOnlyList<string> Names { get; } = [ExpressionDefinition.JavaScript];

    /// <summary>The sandboxes this syntax's expressions run on, for tests.</summary>
    internal JavaScriptSandboxPool Pool => _pool;

    /// <summary>Distinct scripts parsed so far, for tests.</summary>
    internal int CachedProgramCount => _programs.Count;

    public CompiledExpression Compile(ExpressionDefinition expression, Type resultType, ExpressionCompilationContext context)
    {
        ArgumentNullException.ThrowIfNull(expression);
        ArgumentNullException.ThrowIfNull(resultType);
        var text = expression.Text ?? "";
        if (!_programs.TryGetValue(text, out var program))
        {
            program = JavaScriptProgram.Parse(text);
            if (_programs.Count < MaxCachedPrograms)
            {
                _programs.TryAdd(text, program);
            }
        }

        return new JavaScriptExpression(program, resultType, _pool);
    }
}

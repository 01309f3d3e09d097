using System.Text;
using Acornima;
using Acornima.Ast;
using Jint;
using JintEngine = Jint.Engine;

namespace CareFlows.Engine.Expressions.JavaScript;

/// <summary>
/// A script parsed once and turned into a function, so that every evaluation runs in a fresh function scope
/// (its <c>var</c>, <c>let</c> and function declarations never reach the shared global object) and so that
/// both forms Elsa accepts give a value: a bare expression (<c>getCounter() + 1</c>) and a body with
/// <c>return</c> (<c>return false;</c>).
/// </summary>
/// <remarks>
/// The prepared script evaluates to <c>function (getCounter, setCounter, …) { return (function () { body })(); }</c>.
/// Its parameters are the generated <c>get&lt;Name&gt;</c>/<c>set&lt;Name&gt;</c> helpers the script mentions, which
/// the sandbox passes in bound to the current scope. The body keeps the script's lines, so error lines are the
/// script's own.
/// </remarks>
internal sealed class JavaScriptProgram
{
    private static readonly ScriptPreparationOptions ScriptWithReturn = new()
    {
        ParsingOptions = new ScriptParsingOptions { AllowReturnOutsideFunction = true },
    };

    private JavaScriptProgram(Prepared<Script> function, IReadOnlyList<string> accessorNames)
    {
        Function = function;
        AccessorNames = accessorNames;
    }

    /// <summary>A script that evaluates to the wrapping function.</summary>
    public Prepared<Script> Function { get; }

    /// <summary>The generated helpers the script refers to, in parameter order.</summary>
    public IReadOnlyList<string> AccessorNames { get; }

    /// <summary>Parses a script; throws <see cref="ExpressionSyntaxException"/> with the line and column of a syntax error.</summary>
    public static JavaScriptProgram Parse(string text)
    {
        var script = Prepare(text, ScriptWithReturn).Program!;
        var accessors = GeneratedAccessors.ReferencedBy(script);
        var wrapped = new StringBuilder(text.Length + 64)
            .Append("(function (").AppendJoin(", ", accessors).Append(") { return (function () {")
            .Append(ReturnCompletionValue(text, script))
            .Append("\n})(); })")
            .ToString();
        return new JavaScriptProgram(Prepare(wrapped, options: null), accessors);
    }

    private static Prepared<Script> Prepare(string text, ScriptPreparationOptions? options)
    {
        try
        {
            return JintEngine.PrepareScript(text, options: options);
        }
        catch (ScriptPreparationException e) when (e.InnerException is ParseErrorException parse)
        {
            // Acornima counts columns from 0; editors, and Jint's own messages, from 1.
            throw new ExpressionSyntaxException($"JavaScript syntax error at line {parse.LineNumber}, column {parse.Column + 1}: {parse.Description}", e);
        }
        catch (Exception e) when (e is ScriptPreparationException or ParseErrorException or InsufficientExecutionStackException)
        {
            throw new ExpressionSyntaxException($"JavaScript does not parse: {e.Message}", e);
        }
    }

    /// <summary>
    /// The script with <c>return (…)</c> around the statements whose value is its completion value (the last
    /// expression statement, also inside a trailing block, <c>if</c>/<c>else</c> or <c>try</c>/<c>catch</c>), as a
    /// top-level script would give.
    /// </summary>
    private static string ReturnCompletionValue(string text, Script script)
    {
        if (script.Body.Count == 0)
        {
            return text;
        }

        var completions = new List<ExpressionStatement>();
        CollectCompletions(script.Body[^1], completions);
        var result = new StringBuilder(text.Length + (completions.Count * 10));
        var position = 0;
        foreach (var statement in completions.OrderBy(s => s.Start))
        {
            // The statement's range, not the expression's, keeps parentheses around it: "({ a: 1 })".
            var end = text[statement.End - 1] == ';' ? statement.End - 1 : statement.End;
            result.Append(text, position, statement.Start - position)
                .Append(" return (")
                .Append(text, statement.Start, end - statement.Start)
                .Append(')');
            position = end;
        }

        return result.Append(text, position, text.Length - position).ToString();
    }

    private static void CollectCompletions(Statement statement, List<ExpressionStatement> completions)
    {
        switch (statement)
        {
            case ExpressionStatement expressionStatement:
                completions.Add(expressionStatement);
                break;
            case BlockStatement { Body.Count: > 0 } block:
                CollectCompletions(block.Body[^1], completions);
                break;
            case IfStatement ifStatement:
                CollectCompletions(ifStatement.Consequent, completions);
                if (ifStatement.Alternate is not null)
                {
                    CollectCompletions(ifStatement.Alternate, completions);
                }

                break;
            case TryStatement tryStatement:
                CollectCompletions(tryStatement.Block, completions);
                if (tryStatement.Handler is not null)
                {
                    CollectCompletions(tryStatement.Handler.Body, completions);
                }

                break;
        }
    }
}

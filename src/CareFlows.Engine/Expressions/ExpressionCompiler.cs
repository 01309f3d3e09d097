using System.Collections.Frozen;
using CareFlows.Engine.Definitions;

namespace CareFlows.Engine.Expressions;

/// <summary>Compiles expressions by dispatching on <c>expression.type</c> to the registered syntaxes.</summary>
public sealed class ExpressionCompiler
{
    private readonly FrozenDictionary<string, IExpressionSyntax> _syntaxes;

    public ExpressionCompiler(IEnumerable<IExpressionSyntax> syntaxes)
    {
        ArgumentNullException.ThrowIfNull(syntaxes);
        var map = new Dictionary<string, IExpressionSyntax>(StringComparer.OrdinalIgnoreCase);
        foreach (var syntax in syntaxes)
        {
            foreach (var name in syntax.Names)
            {
                map[name] = syntax;
            }
        }

        _syntaxes = map.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Names of every syntax this compiler understands.</summary>
    public IEnumerable<string> SyntaxNames => _syntaxes.Keys;

    /// <summary>Compiles one expression; throws <see cref="ExpressionSyntaxException"/> for an unknown syntax or bad text.</summary>
    public CompiledExpression Compile(ExpressionDefinition expression, Type resultType, ExpressionCompilationContext context)
    {
        ArgumentNullException.ThrowIfNull(expression);
        if (!_syntaxes.TryGetValue(expression.Type, out var syntax))
        {
            throw new ExpressionSyntaxException($"'{expression.Type}' expressions are not supported. Supported: {string.Join(", ", _syntaxes.Keys.Order(StringComparer.Ordinal))}.");
        }

        return syntax.Compile(expression, resultType, context);
    }
}

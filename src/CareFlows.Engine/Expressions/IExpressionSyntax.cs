using CareFlows.Engine.Definitions;

namespace CareFlows.Engine.Expressions;

/// <summary>One expression syntax (Literal, Object, Variable, JavaScript, Liquid, …).</summary>
public interface IExpressionSyntax
{
    /// <summary>The names this syntax answers to in <c>expression.type</c>, for example <c>Object</c> and <c>Json</c>.</summary>
    IReadOnlyList<string> Names { get; }

    /// <summary>
    /// Parses the expression once. Throws <see cref="ExpressionSyntaxException"/> when it does not parse or
    /// refers to something that does not exist (an unknown variable, for example).
    /// </summary>
    CompiledExpression Compile(ExpressionDefinition expression, Type resultType, ExpressionCompilationContext context);
}

/// <summary>What an expression may refer to, known when a definition is compiled.</summary>
/// <param name="Variables">Variables declared by the definition.</param>
public sealed record ExpressionCompilationContext(IReadOnlyList<VariableDefinition> Variables)
{
    /// <summary>The declared variable with this id or name, matched as Elsa does (id first, then name case-insensitively).</summary>
    public VariableDefinition? FindVariable(string idOrName) =>
        Variables.FirstOrDefault(v => v.Id == idOrName)
        ?? Variables.FirstOrDefault(v => string.Equals(v.Name, idOrName, StringComparison.OrdinalIgnoreCase));
}

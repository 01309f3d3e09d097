namespace CareFlows.Engine.Expressions;

/// <summary>An expression parsed once per definition version and evaluated many times.</summary>
public abstract class CompiledExpression
{
    /// <summary>The syntax the expression was written in.</summary>
    public abstract string Syntax { get; }

    /// <summary>True when the value never changes (a literal), so callers may evaluate it once.</summary>
    public virtual bool IsConstant => false;

    /// <summary>
    /// Evaluates the expression and converts the result to the requested type. Throws
    /// <see cref="ExpressionEvaluationException"/> when the expression fails or exceeds a sandbox limit.
    /// </summary>
    public abstract object? Evaluate(IExpressionScope scope);
}

/// <summary>A fixed value, converted to its target type when the definition is compiled.</summary>
public sealed class ConstantExpression(string syntax, object? value) : CompiledExpression
{
    public override string Syntax => syntax;

    public override bool IsConstant => true;

    public object? Value => value;

    public override object? Evaluate(IExpressionScope scope) => value;
}

using CareFlows.Engine.Definitions;

namespace CareFlows.Engine.Expressions.JavaScript;

/// <summary>A compiled <c>JavaScript</c> expression: its program runs on a pooled sandbox and the value is converted to the result type.</summary>
internal sealed class JavaScriptExpression(JavaScriptProgram program, Type resultType, JavaScriptSandboxPool pool) : CompiledExpression
{
    public override string Syntax => ExpressionDefinition.JavaScript;

    public override object? Evaluate(IExpressionScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return ResultConversion.AtRunTime(pool.Run(program, scope), resultType);
    }
}

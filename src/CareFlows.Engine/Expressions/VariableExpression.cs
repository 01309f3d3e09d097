using CareFlows.Engine.Definitions;

namespace CareFlows.Engine.Expressions;

/// <summary>A compiled <c>Variable</c> expression: the variable's current value, converted to the result type.</summary>
internal sealed class VariableExpression(string variableName, Type resultType) : CompiledExpression
{
    public override string Syntax => ExpressionDefinition.Variable;

    public string VariableName => variableName;

    public override object? Evaluate(IExpressionScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        scope.TryGetVariable(variableName, out var value);
        return ResultConversion.AtRunTime(value, resultType);
    }
}

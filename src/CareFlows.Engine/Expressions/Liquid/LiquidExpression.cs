using CareFlows.Engine.Definitions;
using Fluid;

namespace CareFlows.Engine.Expressions.Liquid;

/// <summary>
/// A compiled <c>Liquid</c> template. It sees <c>Variables</c>, <c>Input</c> and <c>Workflow</c> (<c>Id</c>,
/// <c>CorrelationId</c>, <c>Name</c>), and each variable by its own name at the top level.
/// </summary>
internal sealed class LiquidExpression(IFluidTemplate template, TemplateOptions options, Type resultType) : CompiledExpression
{
    private static readonly string[] WorkflowFields = ["Id", "CorrelationId", "Name"];

    public override string Syntax => ExpressionDefinition.Liquid;

    public override object? Evaluate(IExpressionScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var variables = LiquidValues.Object(
            name => scope.TryGetVariable(name, out var value) ? (true, value) : (false, null),
            () => scope.VariableNames);
        var context = new TemplateContext(variables, options, allowModelMembers: true) { Now = () => scope.Now };
        context.SetValue("Variables", variables);
        context.SetValue("Input", LiquidValues.Object(name => scope.Input.TryGetValue(name, out var value) ? (true, value) : (false, null), () => scope.Input.Keys));
        context.SetValue("Workflow", LiquidValues.Object(name => WorkflowField(scope, name), () => WorkflowFields));
        return ResultConversion.AtRunTime(Render(context), resultType);
    }

    private static (bool, object?) WorkflowField(IExpressionScope scope, string name) => name switch
    {
        "Id" => (true, scope.InstanceId),
        "CorrelationId" => (true, scope.CorrelationId),
        "Name" => (true, scope.InstanceName),
        _ => (false, null),
    };

    private string Render(TemplateContext context)
    {
        try
        {
            return template.Render(context, NullEncoder.Default);
        }
        catch (InvalidOperationException e) when (e.Message.StartsWith("The maximum", StringComparison.Ordinal))
        {
            // Fluid reports running out of steps with its recursion message; templates cannot include others here.
            throw new ExpressionEvaluationException($"Liquid template exceeded the limit of {options.MaxSteps} steps.", e);
        }
        catch (Exception e)
        {
            // A template failure is the expression's failure; none may reach the caller as anything else.
            throw new ExpressionEvaluationException($"Liquid template failed: {e.Message}", e);
        }
    }
}

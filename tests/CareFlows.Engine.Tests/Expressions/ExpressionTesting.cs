using System.Text.Json.Nodes;
using CareFlows.Engine.Definitions;
using CareFlows.Engine.Expressions;

namespace CareFlows.Engine.Tests.Expressions;

/// <summary>Compiles one expression the way a definition's input would be compiled.</summary>
internal static class ExpressionTesting
{
    public static CompiledExpression Compile(IExpressionSyntax syntax, JsonNode? value, Type resultType, params string[] declaredVariables) =>
        syntax.Compile(new ExpressionDefinition(syntax.Names[0], value), resultType, Context(declaredVariables));

    /// <summary>Compiles a value that must be constant and gives its value.</summary>
    public static object? EvaluateConstant(IExpressionSyntax syntax, JsonNode? value, Type resultType)
    {
        var compiled = Compile(syntax, value, resultType);
        Assert.True(compiled.IsConstant);
        return compiled.Evaluate(new TestExpressionScope());
    }

    public static object? Evaluate(IExpressionSyntax syntax, string text, IExpressionScope scope, Type? resultType = null) =>
        Compile(syntax, JsonValue.Create(text), resultType ?? typeof(object), [.. scope.VariableNames]).Evaluate(scope);

    public static ExpressionCompilationContext Context(params string[] declaredVariables) =>
        new([.. declaredVariables.Select((name, i) => new VariableDefinition { Id = $"v{i}", Name = name, TypeName = "Object" })]);
}

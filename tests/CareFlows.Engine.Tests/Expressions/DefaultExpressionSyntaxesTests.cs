using System.Text.Json.Nodes;
using CareFlows.Engine.Definitions;
using CareFlows.Engine.Expressions;

namespace CareFlows.Engine.Tests.Expressions;

public class DefaultExpressionSyntaxesTests
{
    [Fact]
    public void CreateCompiler_understands_every_default_syntax()
    {
        var names = DefaultExpressionSyntaxes.CreateCompiler().SyntaxNames.Order(StringComparer.Ordinal);
        Assert.Equal(["JavaScript", "Json", "Liquid", "Literal", "Object", "Variable"], names);
    }

    [Theory]
    [InlineData("Literal", "3")]
    [InlineData("Object", "3")]
    [InlineData("Variable", "Three")]
    [InlineData("JavaScript", "1 + 2")]
    [InlineData("Liquid", "{{ 1 | plus: 2 }}")]
    public void CreateCompiler_compiles_and_evaluates_each_syntax(string syntax, string value)
    {
        var compiler = DefaultExpressionSyntaxes.CreateCompiler();
        var compiled = compiler.Compile(new ExpressionDefinition(syntax, JsonValue.Create(value)), typeof(int), ExpressionTesting.Context("Three"));
        Assert.Equal(syntax, compiled.Syntax);
        Assert.Equal(3, compiled.Evaluate(new TestExpressionScope().With("Three", 3)));
    }

    [Fact]
    public void CreateCompiler_rejects_a_syntax_it_does_not_have()
    {
        var compiler = DefaultExpressionSyntaxes.CreateCompiler();
        Assert.Throws<ExpressionSyntaxException>(() =>
            compiler.Compile(new ExpressionDefinition("CSharp", JsonValue.Create("1")), typeof(int), ExpressionTesting.Context()));
    }
}

using System.Text.Json.Nodes;
using CareFlows.Engine.Definitions;
using CareFlows.Engine.Expressions;

namespace CareFlows.Engine.Tests.Expressions;

public class LiteralSyntaxTests
{
    private static readonly LiteralSyntax Syntax = new();

    private static object? Literal(JsonNode? value, Type resultType) => ExpressionTesting.EvaluateConstant(Syntax, value, resultType);

    [Theory]
    [InlineData("True", true)]
    [InlineData("false", false)]
    public void Compile_boolean_text_gives_boolean(string text, bool expected) =>
        Assert.Equal(expected, Literal(JsonValue.Create(text), typeof(bool)));

    [Fact]
    public void Compile_number_text_and_json_number_give_int32()
    {
        Assert.Equal(42, Literal(JsonValue.Create("42"), typeof(int)));
        Assert.Equal(42, Literal(JsonValue.Create(42), typeof(int)));
    }

    [Fact]
    public void Compile_timespan_text_gives_timespan() =>
        Assert.Equal(TimeSpan.FromSeconds(5), Literal(JsonValue.Create("00:00:05"), typeof(TimeSpan)));

    [Fact]
    public void Compile_json_array_or_its_text_gives_string_array()
    {
        Assert.Equal(["a", "b"], Assert.IsType<string[]>(Literal(new JsonArray("a", "b"), typeof(string[]))));
        Assert.Equal(["a", "b"], Assert.IsType<string[]>(Literal(JsonValue.Create("[\"a\",\"b\"]"), typeof(string[]))));
    }

    [Fact]
    public void Compile_date_text_gives_datetimeoffset() =>
        Assert.Equal(
            new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.FromHours(1)),
            Literal(JsonValue.Create("2025-01-02T03:04:05+01:00"), typeof(DateTimeOffset)));

    [Fact]
    public void Compile_string_gives_the_same_string() =>
        Assert.Equal("Hello", Literal(JsonValue.Create("Hello"), typeof(string)));

    [Fact]
    public void Compile_null_for_a_value_type_gives_its_default() => Assert.Equal(0, Literal(null, typeof(int)));

    [Fact]
    public void Compile_text_that_is_not_a_number_fails_naming_value_and_type()
    {
        var error = Assert.Throws<ExpressionSyntaxException>(() => Literal(JsonValue.Create("abc"), typeof(int)));
        Assert.Contains("\"abc\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("Int32", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_input_without_an_expression_type_compiles_as_a_literal()
    {
        var input = InputDefinition.From(JsonValue.Create("7"))!;
        var compiled = DefaultExpressionSyntaxes.CreateCompiler().Compile(input.Expression, typeof(int), ExpressionTesting.Context());
        Assert.Equal("Literal", compiled.Syntax);
        Assert.Equal(7, compiled.Evaluate(new TestExpressionScope()));
    }
}

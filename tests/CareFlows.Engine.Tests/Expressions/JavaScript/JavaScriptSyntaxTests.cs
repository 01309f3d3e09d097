using System.Text.Json.Nodes;
using CareFlows.Engine.Expressions;
using CareFlows.Engine.Expressions.JavaScript;

namespace CareFlows.Engine.Tests.Expressions.JavaScript;

public class JavaScriptSyntaxTests
{
    private readonly JavaScriptSyntax _syntax = new();

    private object? Run(string script, Type? resultType = null, TestExpressionScope? scope = null) =>
        ExpressionTesting.Evaluate(_syntax, script, scope ?? new TestExpressionScope().With("Counter", 5), resultType);

    [Fact]
    public void A_bare_expression_gives_its_value() => Assert.Equal(6.0, Run("getCounter() + 1"));

    [Fact]
    public void A_top_level_return_gives_its_value() => Assert.Equal(false, Run("return false;", typeof(bool)));

    [Fact]
    public void Statements_then_an_expression_give_the_last_value() => Assert.Equal(10, Run("var a = 2;\nlet b = 3;\na * b + 4", typeof(int)));

    [Theory]
    [InlineData(20, "adult")]
    [InlineData(10, "child")]
    public void An_if_else_gives_the_value_of_the_branch_taken(int age, string expected) =>
        Assert.Equal(expected, Run("if (variables.Age >= 18) { 'adult' } else { 'child' }", scope: new TestExpressionScope().With("Age", age)));

    [Fact]
    public void A_return_inside_a_branch_wins_over_the_rest() => Assert.Equal("a", Run("if (getCounter() > 1) return 'a';\nreturn 'b';"));

    [Fact]
    public void A_string_alone_gives_the_string() => Assert.Equal("hello", Run("'hello'"));

    [Fact]
    public void An_empty_script_gives_null() => Assert.Null(Run(""));

    [Fact]
    public void A_function_declared_by_the_script_is_not_taken_for_a_helper() =>
        Assert.Equal(1.0, Run("function getThing() { return 1; }\ngetThing()"));

    [Fact]
    public void A_method_named_like_a_helper_is_left_alone() => Assert.Equal(0.0, Run("new Date(0).getTime()"));

    [Fact]
    public void Numbers_convert_to_int32() => Assert.Equal(6, Run("getCounter() + 1", typeof(int)));

    [Fact]
    public void A_fraction_does_not_convert_to_int32() =>
        Assert.Throws<ExpressionEvaluationException>(() => Run("getCounter() / 2", typeof(int)));

    [Fact]
    public void Comparisons_convert_to_boolean() => Assert.Equal(true, Run("getCounter() === 5", typeof(bool)));

    [Fact]
    public void Text_converts_to_timespan() => Assert.Equal(TimeSpan.FromSeconds(5), Run("'00:00:0' + getCounter()", typeof(TimeSpan)));

    [Fact]
    public void Arrays_convert_to_string_array() =>
        Assert.Equal(["a", "b"], Assert.IsType<string[]>(Run("['a', 'b']", typeof(string[]))));

    [Fact]
    public void Dates_convert_to_datetimeoffset()
    {
        Assert.Equal(DateTimeOffset.UnixEpoch, Run("new Date(0)", typeof(DateTimeOffset)));
        Assert.Equal(new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero), Run("'2025-01-02T03:04:05Z'", typeof(DateTimeOffset)));
    }

    [Fact]
    public void Objects_come_back_as_json() =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("{\"a\":[1,true,\"x\",null]}"), Assert.IsType<JsonObject>(Run("({ a: [1, true, 'x', null] })"))));

    [Fact]
    public void A_syntax_error_fails_at_compile_time_with_line_and_column()
    {
        var error = Assert.Throws<ExpressionSyntaxException>(() => Run("var x = 1;\nvar y = ;"));
        Assert.Contains("line 2, column 9", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_script_nested_too_deeply_to_parse_is_a_syntax_error() =>
        Assert.Throws<ExpressionSyntaxException>(() => Run(new string('(', 50_000) + "1" + new string(')', 50_000)));

    [Fact]
    public void An_unknown_name_fails_as_a_reference_error()
    {
        var error = Assert.Throws<ExpressionEvaluationException>(() => Run("foo + 1"));
        Assert.Equal("ReferenceError: foo is not defined", error.Message);
    }

    [Fact]
    public void An_error_on_a_later_line_says_which_line()
    {
        var error = Assert.Throws<ExpressionEvaluationException>(() => Run("var a = 1;\nnull.x"));
        Assert.StartsWith("TypeError: ", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("(line 2)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_thrown_value_that_is_not_an_error_is_reported()
    {
        var error = Assert.Throws<ExpressionEvaluationException>(() => Run("throw 'bad'"));
        Assert.Equal("Script threw 'bad'", error.Message);
    }

    [Fact]
    public void The_same_script_is_parsed_once_for_every_definition_using_it()
    {
        var context = ExpressionTesting.Context();
        var first = _syntax.Compile(new("JavaScript", JsonValue.Create("1")), typeof(int), context);
        var second = _syntax.Compile(new("JavaScript", JsonValue.Create("1")), typeof(string), context);
        Assert.Equal(1, first.Evaluate(new TestExpressionScope()));
        Assert.Equal("1", second.Evaluate(new TestExpressionScope()));
        Assert.Equal(1, _syntax.CachedProgramCount);
    }
}

using System.Text.Json.Nodes;
using CareFlows.Engine.Definitions;
using CareFlows.Engine.Expressions;

namespace CareFlows.Engine.Tests.Expressions;

public class ObjectSyntaxTests
{
    private static readonly ObjectSyntax Syntax = new();

    private static object? Evaluate(JsonNode? value, Type resultType) => ExpressionTesting.EvaluateConstant(Syntax, value, resultType);

    [Fact]
    public void Compile_json_text_of_an_array_gives_string_array() =>
        Assert.Equal(["One", "Two"], Assert.IsType<string[]>(Evaluate(JsonValue.Create("[\"One\",\"Two\"]"), typeof(string[]))));

    [Fact]
    public void Compile_json_text_of_an_object_gives_json_node()
    {
        var value = Assert.IsType<JsonObject>(Evaluate(JsonValue.Create("{\"name\":\"Ada\",\"age\":42}"), typeof(object)));
        Assert.Equal("Ada", (string?)value["name"]);
        Assert.Equal(42, (int?)value["age"]);
    }

    [Fact]
    public void Compile_json_text_converts_to_the_result_type()
    {
        Assert.Equal(42, Evaluate(JsonValue.Create("42"), typeof(int)));
        Assert.Equal(true, Evaluate(JsonValue.Create("true"), typeof(bool)));
        Assert.Equal(TimeSpan.FromMinutes(1), Evaluate(JsonValue.Create("\"00:01:00\""), typeof(TimeSpan)));
        Assert.Equal(DateTimeOffset.UnixEpoch, Evaluate(JsonValue.Create("\"1970-01-01T00:00:00Z\""), typeof(DateTimeOffset)));
    }

    [Fact]
    public void Compile_a_value_that_is_not_a_string_takes_it_as_it_is() =>
        Assert.Equal(["x"], Assert.IsType<string[]>(Evaluate(new JsonArray("x"), typeof(string[]))));

    [Fact]
    public void Compile_empty_text_gives_null() => Assert.Null(Evaluate(JsonValue.Create(" "), typeof(object)));

    [Fact]
    public void Compile_bad_json_fails_with_the_parser_position()
    {
        var error = Assert.Throws<ExpressionSyntaxException>(() => Evaluate(JsonValue.Create("[\"One\",]"), typeof(string[])));
        Assert.Contains("line 1, position 8", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_json_that_does_not_fit_the_result_type_fails() =>
        Assert.Throws<ExpressionSyntaxException>(() => Evaluate(JsonValue.Create("{\"a\":1}"), typeof(int)));

    [Fact]
    public void Json_is_an_alias_of_object()
    {
        var compiled = DefaultExpressionSyntaxes.CreateCompiler().Compile(
            new ExpressionDefinition("Json", JsonValue.Create("[1,2]")), typeof(int[]), ExpressionTesting.Context());
        Assert.Equal([1, 2], Assert.IsType<int[]>(compiled.Evaluate(new TestExpressionScope())));
    }
}

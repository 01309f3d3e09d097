using System.Text.Json.Nodes;
using CareFlows.Engine.Definitions;
using CareFlows.Engine.Expressions;

namespace CareFlows.Engine.Tests.Expressions;

public class VariableSyntaxTests
{
    private static readonly VariableSyntax Syntax = new();

    private static readonly ExpressionCompilationContext Context = new(
    [
        new VariableDefinition { Id = "67fcb9870af4c28e", Name = "Counter", TypeName = "Int32" },
        new VariableDefinition { Id = "a1", Name = "Started", TypeName = "String" },
    ]);

    private static CompiledExpression Compile(JsonNode? value, Type resultType) =>
        Syntax.Compile(new ExpressionDefinition("Variable", value), resultType, Context);

    [Fact]
    public void Compile_variable_json_text_as_studio_writes_it_reads_the_variable()
    {
        var compiled = Compile(JsonValue.Create("{\"id\":\"67fcb9870af4c28e\",\"name\":\"Counter\",\"typeName\":\"Int32\"}"), typeof(int));
        Assert.Equal(5, compiled.Evaluate(new TestExpressionScope().With("Counter", 5)));
    }

    [Fact]
    public void Compile_variable_object_reads_the_variable() =>
        Assert.Equal(5, Compile(new JsonObject { ["id"] = "67fcb9870af4c28e" }, typeof(int)).Evaluate(new TestExpressionScope().With("Counter", 5)));

    [Fact]
    public void Compile_plain_name_reads_the_variable_case_insensitively() =>
        Assert.Equal(5, Compile(JsonValue.Create("counter"), typeof(int)).Evaluate(new TestExpressionScope().With("Counter", 5)));

    [Fact]
    public void Evaluate_converts_the_value_to_the_result_type()
    {
        var scope = new TestExpressionScope().With("Started", "2025-01-02T00:00:00Z");
        Assert.Equal(
            new DateTimeOffset(2025, 1, 2, 0, 0, 0, TimeSpan.Zero),
            Compile(JsonValue.Create("Started"), typeof(DateTimeOffset)).Evaluate(scope));
    }

    [Fact]
    public void Evaluate_sees_the_current_value_every_time()
    {
        var compiled = Compile(JsonValue.Create("Counter"), typeof(int));
        Assert.False(compiled.IsConstant);
        var scope = new TestExpressionScope().With("Counter", 1);
        Assert.Equal(1, compiled.Evaluate(scope));
        scope.SetVariable("Counter", 2);
        Assert.Equal(2, compiled.Evaluate(scope));
    }

    [Fact]
    public void Evaluate_of_a_value_that_does_not_convert_fails_as_evaluation_error()
    {
        var scope = new TestExpressionScope().With("Started", "soon");
        var error = Assert.Throws<ExpressionEvaluationException>(() => Compile(JsonValue.Create("Started"), typeof(int)).Evaluate(scope));
        Assert.Contains("\"soon\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_unknown_variable_fails_saying_it_is_not_declared()
    {
        var error = Assert.Throws<ExpressionSyntaxException>(() => Compile(JsonValue.Create("{\"id\":\"zz\",\"name\":\"Missing\"}"), typeof(int)));
        Assert.StartsWith("Variable 'Missing' is not declared", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_broken_variable_json_fails() =>
        Assert.Throws<ExpressionSyntaxException>(() => Compile(JsonValue.Create("{\"id\":"), typeof(int)));
}

using System.Text.Json.Nodes;
using CareFlows.Engine.Expressions;
using CareFlows.Engine.Expressions.JavaScript;

namespace CareFlows.Engine.Tests.Expressions.JavaScript;

public class JavaScriptJsonTests
{
    private const string PatientJson = """{"name":"Ada","age":42,"tags":["diabetic","allergic"],"address":{"city":"Leeds"},"discharged":null}""";

    private readonly JavaScriptSyntax _syntax = new();
    private readonly TestExpressionScope _scope = new TestExpressionScope().With("Patient", JsonNode.Parse(PatientJson));

    private object? Run(string script, Type? resultType = null) => ExpressionTesting.Evaluate(_syntax, script, _scope, resultType);

    [Fact]
    public void A_json_variable_is_a_plain_object_to_scripts()
    {
        Assert.Equal("Leeds", Run("variables.Patient.address.city"));
        Assert.Equal(2.0, Run("getPatient().tags.length"));
        Assert.Equal(true, Run("Array.isArray(getVariable('Patient').tags) && variables.Patient.discharged === null"));
        Assert.Equal("name,age,tags,address,discharged", Run("Object.keys(variables.Patient).join()"));
    }

    [Fact]
    public void A_json_variable_comes_back_unchanged() =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(PatientJson), Assert.IsType<JsonObject>(Run("variables.Patient"))));

    [Fact]
    public void An_object_set_by_a_script_is_stored_as_json()
    {
        Run("var p = variables.Patient; p.age = p.age + 1; p.tags.push('new'); variables.Patient = p");
        var stored = Assert.IsType<JsonObject>(_scope.Variable("Patient"));
        Assert.Equal(43, stored["age"]!.GetValue<double>());
        Assert.Equal("new", (string?)stored["tags"]![2]);
        Assert.Equal("Leeds", (string?)stored["address"]!["city"]);
    }

    [Fact]
    public void An_array_set_by_a_script_is_stored_as_json_array()
    {
        Run("setVariable('Codes', ['a', 1, { b: true }])");
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""["a",1,{"b":true}]"""), Assert.IsType<JsonArray>(_scope.Variable("Codes"))));
    }

    [Fact]
    public void Functions_and_undefined_are_left_out_of_objects() =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"a":1}"""), Assert.IsType<JsonObject>(Run("({ a: 1, b: undefined, f: function () {} })"))));

    [Fact]
    public void Host_values_other_than_json_are_plain_script_values()
    {
        _scope.SetVariable("Admitted", new DateTimeOffset(2024, 5, 6, 7, 8, 9, TimeSpan.Zero));
        _scope.SetVariable("Flags", new Dictionary<string, object?> { ["urgent"] = true });
        _scope.SetVariable("Wait", TimeSpan.FromMinutes(90));
        Assert.Equal(2024.0, Run("variables.Admitted.getUTCFullYear()"));
        Assert.Equal(true, Run("variables.Flags.urgent"));
        Assert.Equal("01:30:00", Run("variables.Wait"));
    }

    [Fact]
    public void An_object_that_contains_itself_fails_plainly()
    {
        var error = Assert.Throws<ExpressionEvaluationException>(() => Run("var a = {}; a.self = a; a"));
        Assert.Contains("nested more than", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_sparse_array_too_long_to_leave_the_script_fails_plainly() =>
        Assert.Throws<ExpressionEvaluationException>(() => Run("var a = []; a.length = 4000000000; a"));
}

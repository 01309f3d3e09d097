using CareFlows.Engine.Expressions;
using CareFlows.Engine.Expressions.JavaScript;

namespace CareFlows.Engine.Tests.Expressions.JavaScript;

public class JavaScriptGlobalsTests
{
    private readonly JavaScriptSyntax _syntax = new();
    private readonly TestExpressionScope _scope = new TestExpressionScope { CorrelationId = "corr-1" }.With("Counter", 5, typeof(int));

    private object? Run(string script, Type? resultType = null) => ExpressionTesting.Evaluate(_syntax, script, _scope, resultType);

    [Fact]
    public void getVariable_reads_a_variable_and_gives_undefined_for_a_missing_one()
    {
        Assert.Equal(5.0, Run("getVariable('Counter')"));
        Assert.Equal(true, Run("getVariable('Missing') === undefined"));
    }

    [Fact]
    public void setVariable_sets_the_variable_converted_to_its_type()
    {
        Run("setVariable('Counter', 9)");
        Assert.Equal(9, _scope.Variable("Counter"));
    }

    [Fact]
    public void variables_reads_and_writes_scope_variables()
    {
        Assert.Equal(6.0, Run("variables.Counter + 1"));
        Run("variables.Counter = 3; variables.Note = 'hello'");
        Assert.Equal(3, _scope.Variable("Counter"));
        Assert.Equal("hello", _scope.Variable("Note"));
        Assert.Equal(true, Run("'Note' in variables && Object.keys(variables).join() === 'Counter,Note'"));
    }

    [Fact]
    public void Generated_getter_and_setter_read_and_write_a_variable()
    {
        Assert.Equal(5.0, Run("getCounter()"));
        Run("setCounter(getCounter() * 2)");
        Assert.Equal(10, _scope.Variable("Counter"));
    }

    [Fact]
    public void A_generated_helper_for_a_name_that_does_not_exist_is_not_defined()
    {
        var error = Assert.Throws<ExpressionEvaluationException>(() => Run("getNope()"));
        Assert.Equal("ReferenceError: getNope is not defined", error.Message);
    }

    [Fact]
    public void getInput_input_and_generated_getter_read_the_input()
    {
        _scope.InputValues["Ward"] = "B4";
        Assert.Equal("B4/B4/B4", Run("getInput('Ward') + '/' + input.Ward + '/' + getWard()"));
        Assert.Equal(true, Run("getInput('Bed') === undefined"));
    }

    [Fact]
    public void input_cannot_be_changed_by_a_script()
    {
        _scope.InputValues["Ward"] = "B4";
        Assert.Equal("B4", Run("input.Ward = 'X'; input.Ward"));
        Assert.Equal("B4", _scope.InputValues["Ward"]);
    }

    [Fact]
    public void getCorrelationId_and_setCorrelationId_use_the_instance_correlation()
    {
        Assert.Equal("corr-1", Run("getCorrelationId()"));
        Run("setCorrelationId('corr-2')");
        Assert.Equal("corr-2", _scope.CorrelationId);
    }

    [Fact]
    public void setWorkflowInstanceName_renames_the_instance()
    {
        Run("setWorkflowInstanceName('Admission ' + getCounter())");
        Assert.Equal("Admission 5", _scope.InstanceName);
    }

    [Fact]
    public void getWorkflowInstanceId_gives_the_instance_id() => Assert.Equal("instance-1", Run("getWorkflowInstanceId()"));

    [Fact]
    public void newGuid_takes_ids_from_the_scope() => Assert.Equal("id-1,id-2", Run("newGuid() + ',' + newGuid()"));

    [Fact]
    public void toJson_writes_compact_json() => Assert.Equal("{\"a\":[1,\"x\"],\"b\":null}", Run("toJson({ a: [1, 'x'], b: null, f: function () {} })"));

    [Theory]
    [InlineData("''", true)]
    [InlineData("null", true)]
    [InlineData("undefined", true)]
    [InlineData("'x'", false)]
    public void isNullOrEmpty_is_true_for_nothing_and_empty_text(string value, bool expected) =>
        Assert.Equal(expected, Run($"isNullOrEmpty({value})"));

    [Fact]
    public void getOutputFrom_reads_an_earlier_activity_output()
    {
        _scope.Outputs["Triage/Score"] = 7;
        _scope.Outputs["Triage/"] = "done";
        Assert.Equal(7.0, Run("getOutputFrom('Triage', 'Score')"));
        Assert.Equal("done", Run("getOutputFrom('Triage')"));
        Assert.Equal(true, Run("getOutputFrom('Nobody', 'Score') === null"));
    }

    [Fact]
    public void getLastResult_gives_the_last_activity_result()
    {
        _scope.LastResult = "approved";
        Assert.Equal("approved", Run("getLastResult()"));
    }

    [Fact]
    public void Date_reads_the_scope_clock() => Assert.Equal(_scope.Now, Run("new Date()", typeof(DateTimeOffset)));

    [Fact]
    public void A_value_the_variable_cannot_take_is_a_type_error_the_script_can_catch()
    {
        Assert.Equal("TypeError", Run("try { setCounter('abc'); 'no error' } catch (e) { e.name }"));
        var error = Assert.Throws<ExpressionEvaluationException>(() => Run("setVariable('Counter', 'abc')"));
        Assert.StartsWith("TypeError: Cannot convert \"abc\" to Int32", error.Message, StringComparison.Ordinal);
        Assert.Equal(5, _scope.Variable("Counter"));
    }
}

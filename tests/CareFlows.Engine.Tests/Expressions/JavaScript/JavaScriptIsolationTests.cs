using CareFlows.Engine.Expressions;
using CareFlows.Engine.Expressions.JavaScript;

namespace CareFlows.Engine.Tests.Expressions.JavaScript;

/// <summary>Evaluations share pooled engines; nothing one script does may be seen by the next.</summary>
public class JavaScriptIsolationTests
{
    private readonly JavaScriptSyntax _syntax = new();

    private object? Run(string script, TestExpressionScope? scope = null) =>
        ExpressionTesting.Evaluate(_syntax, script, scope ?? new TestExpressionScope().With("Counter", 1));

    [Theory]
    [InlineData("leak = 5", "typeof leak")]
    [InlineData("globalThis.leak = 5", "typeof leak")]
    [InlineData("var leak = 5", "typeof leak")]
    [InlineData("function leak() {}", "typeof leak")]
    [InlineData("Array.prototype.leak = 5", "typeof [].leak")]
    [InlineData("Object.prototype.leak = 5", "typeof ({}).leak")]
    [InlineData("JSON.leak = 5", "typeof JSON.leak")]
    [InlineData("Math = { leak: 5 }", "typeof Math.leak")]
    [InlineData("getVariable = function () { return 5; }", "typeof getVariable('Missing')")]
    [InlineData("getCounter.leak = 5", "typeof getCounter.leak")]
    [InlineData("Object.defineProperty(variables, 'leak', { value: 5 })", "typeof variables.leak")]
    [InlineData("Object.setPrototypeOf(variables, { leak: 5 })", "typeof variables.leak")]
    [InlineData("input.__proto__ = { leak: 5 }", "typeof input.leak")]
    public void Nothing_a_script_changes_is_seen_by_the_next_one(string first, string second)
    {
        try
        {
            Run(first);
        }
        catch (ExpressionEvaluationException)
        {
            // Some changes are refused outright; that is isolation too.
        }

        Assert.Equal("undefined", Run(second));
        Assert.Equal(1, _syntax.Pool.IdleCount);
    }

    [Fact]
    public void The_same_let_declaration_runs_again_on_a_reused_engine()
    {
        Assert.Equal(2.0, Run("let z = 1; const w = 1; z + w"));
        Assert.Equal(2.0, Run("let z = 1; const w = 1; z + w"));
        Assert.Equal(1, _syntax.Pool.IdleCount);
    }

    [Fact]
    public void Each_evaluation_sees_only_its_own_scope()
    {
        Assert.Equal(1.0, Run("getCounter()", new TestExpressionScope().With("Counter", 1)));
        Assert.Equal(2.0, Run("getCounter()", new TestExpressionScope().With("Counter", 2)));
        Assert.Equal(true, Run("getVariable('Counter') === undefined", new TestExpressionScope()));
    }

    [Fact]
    public void An_engine_stays_in_the_pool_after_a_script_error_and_is_replaced_after_a_limit()
    {
        Assert.Throws<ExpressionEvaluationException>(() => Run("throw new Error('x')"));
        Assert.Equal(1, _syntax.Pool.IdleCount);
        Assert.Throws<ExpressionEvaluationException>(() => Run("while (true) {}"));
        Assert.Equal(0, _syntax.Pool.IdleCount);
        Assert.Equal(2.0, Run("getCounter() + 1"));
    }

    [Fact]
    public async Task Concurrent_evaluations_give_each_scope_its_own_result()
    {
        var compiled = ExpressionTesting.Compile(_syntax, System.Text.Json.Nodes.JsonValue.Create("setResult(getCounter() * 2 + variables.Offset); getResult()"), typeof(int), "Counter", "Offset", "Result");
        var workers = Enumerable.Range(0, 8).Select(worker => Task.Run(() =>
        {
            for (var i = 0; i < 250; i++)
            {
                var scope = new TestExpressionScope().With("Counter", i).With("Offset", worker).With("Result", 0);
                Assert.Equal((i * 2) + worker, compiled.Evaluate(scope));
                Assert.Equal((double)((i * 2) + worker), scope.Variable("Result"));
            }
        }, TestContext.Current.CancellationToken));
        await Task.WhenAll(workers);
        Assert.InRange(_syntax.Pool.IdleCount, 1, 8);
    }
}

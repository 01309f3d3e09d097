using CareFlows.Engine.Expressions;
using CareFlows.Engine.Expressions.JavaScript;

namespace CareFlows.Engine.Tests.Expressions.JavaScript;

public class JavaScriptSandboxTests
{
    private static object? Run(string script, ExpressionOptions? options = null) =>
        ExpressionTesting.Evaluate(new JavaScriptSyntax(options), script, new TestExpressionScope().With("Counter", 1));

    private static string Failure(string script, ExpressionOptions? options = null) =>
        Assert.Throws<ExpressionEvaluationException>(() => Run(script, options)).Message;

    [Fact]
    public void An_endless_loop_hits_the_statement_limit() =>
        Assert.Equal("Script exceeded the limit of 100000 statements.", Failure("while (true) {}"));

    [Fact]
    public void An_endless_loop_hits_the_time_limit_when_statements_are_unlimited()
    {
        var options = new ExpressionOptions { MaxStatements = int.MaxValue, ScriptTimeout = TimeSpan.FromMilliseconds(300) };
        Assert.Equal("Script ran longer than 300 ms.", Failure("while (true) {}", options));
    }

    [Fact]
    public void Deep_recursion_hits_the_recursion_limit() =>
        Assert.Equal("Script exceeded the limit of 64 nested calls.", Failure("function f(n) { return f(n + 1); } f(0)"));

    [Fact]
    public void Allocating_without_end_hits_the_memory_limit()
    {
        var options = new ExpressionOptions { MaxStatements = int.MaxValue, ScriptTimeout = TimeSpan.FromSeconds(20), MaxMemoryBytes = 4 * 1024 * 1024 };
        Assert.Equal("Script exceeded the memory limit of 4 MB.", Failure("var a = []; while (true) { a.push({ n: a.length, s: 'x' + a.length }); }", options));
    }

    [Theory]
    [InlineData("new Array(1e9).fill(0).length")]
    [InlineData("new Array(4e9).length")]
    [InlineData("'x'.repeat(1 << 30).length")]
    public void One_huge_allocation_is_refused(string script) =>
        Assert.Matches("^(RangeError: |Script exceeded the memory limit)", Failure(script));

    [Fact]
    public void Values_nested_deeper_than_the_stack_allows_fail_without_ending_the_process()
    {
        // Building the nesting takes a while; the limit under test is the stack, not the time.
        var options = new ExpressionOptions { MaxStatements = 10_000_000, MaxMemoryBytes = 512L * 1024 * 1024, ScriptTimeout = TimeSpan.FromSeconds(10) };
        Assert.Contains(
            "Maximum call stack size exceeded",
            Failure("var a = []; for (var i = 0; i < 200000; i++) { a = [a]; } String(a)", options),
            StringComparison.Ordinal);
    }

    [Fact]
    public void Catastrophic_regex_backtracking_hits_the_regex_time_limit()
    {
        Assert.Equal(
            "A regular expression in the script ran longer than 100 ms.",
            Failure("/^(a+)+$/.test('aaaaaaaaaaaaaaaaaaaaaaaaaaaab')"));
    }

    [Fact]
    public void The_regex_time_limit_never_exceeds_the_script_time_limit()
    {
        var options = new ExpressionOptions { ScriptTimeout = TimeSpan.FromMilliseconds(50), RegexTimeout = TimeSpan.FromSeconds(5) };
        Assert.Equal("A regular expression in the script ran longer than 50 ms.", Failure("/(a+)+$/.test('a'.repeat(40) + '!')", options));
    }

    [Fact]
    public void Scripts_are_limited_to_a_quarter_of_a_second_unless_configured_otherwise() =>
        Assert.Equal(TimeSpan.FromMilliseconds(250), new ExpressionOptions().ScriptTimeout);

    [Theory]
    [InlineData("System.IO.File.ReadAllText('/etc/passwd')")]
    [InlineData("importNamespace('System.IO')")]
    [InlineData("getVariable.constructor('return System')()")]
    [InlineData("eval('1 + 1')")]
    public void Scripts_cannot_reach_the_host(string script) => Assert.Throws<ExpressionEvaluationException>(() => Run(script));

    [Fact]
    public void Host_objects_show_no_clr_members() =>
        Assert.Equal(true, Run("typeof variables.GetType === 'undefined' && typeof getVariable.Method === 'undefined' && Object.getPrototypeOf(variables) === Object.prototype"));

    [Fact]
    public void Common_built_ins_still_work_with_frozen_prototypes() =>
        Assert.Equal(
            "2,4,6|a-x-c|1,2,3|2|{\"a\":[1]}|1|y",
            Run("""
                var r = /b/g; r.lastIndex = 0;
                class A { toString() { return 'A'; } }
                var e = new Error('x'); e.message = 'y';
                [[1, 2, 3].map(x => x * 2).join(), 'abc'.replace(r, '-x-'), [3, 1, 2].sort().join(), new Map([[1, 2]]).get(1),
                 JSON.stringify({ a: [1] }), new Set([1, 1]).size, e.message].join('|')
                """));
}

using System.Text.Json.Nodes;
using CareFlows.Engine.Expressions;
using CareFlows.Engine.Expressions.Liquid;

namespace CareFlows.Engine.Tests.Expressions.Liquid;

public class LiquidSyntaxTests
{
    private readonly LiquidSyntax _syntax = new();

    private readonly TestExpressionScope _scope = new TestExpressionScope { CorrelationId = "corr-9", InstanceName = "Admission" }
        .With("PatientName", "Ada")
        .With("Count", 2)
        .With("Patient", JsonNode.Parse("""{"name":"Ada","address":{"city":"Leeds"},"tags":["diabetic","allergic"],"visits":[{"ward":"B4"}]}"""));

    private object? Render(string template, Type? resultType = null) => ExpressionTesting.Evaluate(_syntax, template, _scope, resultType ?? typeof(string));

    [Fact]
    public void Variables_are_readable_under_Variables_and_by_name() =>
        Assert.Equal("Hello Ada / Ada", Render("Hello {{ Variables.PatientName }} / {{ PatientName }}"));

    [Fact]
    public void Json_variables_are_nested_objects_a_template_can_index()
    {
        Assert.Equal("Leeds", Render("{{ Variables.Patient.address.city }}"));
        Assert.Equal("allergic", Render("{{ Variables.Patient.tags[1] }}"));
        Assert.Equal("B4", Render("{{ Patient.visits[0].ward }}"));
        Assert.Equal("diabetic,allergic,2", Render("{% for t in Variables.Patient.tags %}{{ t }},{% endfor %}{{ Variables.Patient.tags | size }}"));
    }

    [Fact]
    public void Input_and_workflow_are_readable()
    {
        _scope.InputValues["Ward"] = "C2";
        Assert.Equal("C2|instance-1|corr-9|Admission", Render("{{ Input.Ward }}|{{ Workflow.Id }}|{{ Workflow.CorrelationId }}|{{ Workflow.Name }}"));
    }

    [Fact]
    public void Text_is_not_html_encoded() => Assert.Equal("<b>O'Neil & co</b>", Render("<b>{{ \"O'Neil & co\" }}</b>"));

    [Fact]
    public void The_result_converts_to_int32_boolean_and_timespan()
    {
        Assert.Equal(3, Render("{{ Variables.Count | plus: 1 }}", typeof(int)));
        Assert.Equal(true, Render("{% if Count > 1 %}true{% else %}false{% endif %}", typeof(bool)));
        Assert.Equal(TimeSpan.FromMinutes(10), Render("00:{{ Count | times: 5 }}:00", typeof(TimeSpan)));
    }

    [Fact]
    public void The_date_filter_reads_the_scope_clock() => Assert.Equal("2025-03-14", Render("{{ 'now' | date: '%Y-%m-%d' }}"));

    [Fact]
    public void Host_members_are_not_reachable() => Assert.Equal("[]", Render("[{{ Variables.Patient.GetType }}{{ Variables.Count.GetType.Assembly }}]"));

    [Fact]
    public void A_syntax_error_fails_at_compile_time_with_its_position()
    {
        var error = Assert.Throws<ExpressionSyntaxException>(() => Render("Hello {{ Variables.PatientName"));
        Assert.StartsWith("Liquid syntax error: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("(1:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_template_running_too_many_steps_is_stopped()
    {
        var syntax = new LiquidSyntax(new ExpressionOptions { MaxStatements = 1_000 });
        var error = Assert.Throws<ExpressionEvaluationException>(() =>
            ExpressionTesting.Evaluate(syntax, "{% for i in (1..1000000) %}{{ i }}{% endfor %}", _scope));
        Assert.Equal("Liquid template exceeded the limit of 1000 steps.", error.Message);
    }

    [Fact]
    public void A_result_that_does_not_convert_fails_as_evaluation_error() =>
        Assert.Throws<ExpressionEvaluationException>(() => Render("{{ PatientName }}", typeof(int)));
}

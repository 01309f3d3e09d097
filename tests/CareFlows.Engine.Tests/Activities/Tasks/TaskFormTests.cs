using System.Text.Json.Nodes;
using CareFlows.Engine.Activities.Tasks;

namespace CareFlows.Engine.Tests.Activities.Tasks;

public class TaskFormTests
{
    private static readonly TaskForm Form = TaskForm.Parse(JsonNode.Parse("""
        {"fields":[
          {"key":"reached","type":"boolean","label":"Reached","required":true},
          {"key":"notes","type":"multiline","label":"Notes","max":20},
          {"key":"summary","type":"text","label":"Summary","pattern":"^[A-Za-z ]+$"},
          {"key":"pain","type":"number","label":"Pain score","min":0,"max":10},
          {"key":"visit","type":"date","label":"Visit"},
          {"key":"calledAt","type":"date-time","label":"Called at"},
          {"key":"channel","type":"choice","label":"Channel","options":["phone",{"value":"sms","label":"Text message"}],"required":true},
          {"key":"concerns","type":"multi-choice","label":"Concerns","options":["medication","transport"],"max":1}
        ]}
        """), out _)!;

    [Fact]
    public void Every_field_kind_is_read_with_its_constraints()
    {
        Assert.Equal(["boolean", "multiline", "text", "number", "date", "date-time", "choice", "multi-choice"], Form.Fields.Select(f => f.Type));
        Assert.Equal(["phone", "sms"], Form.Fields[6].Options);
        Assert.Equal((0m, 10m), (Form.Fields[3].Min!.Value, Form.Fields[3].Max!.Value));
        Assert.True(Form.Fields[0].Required);
    }

    [Fact]
    public void A_malformed_form_is_refused_with_every_problem_by_path()
    {
        var form = TaskForm.Parse(JsonNode.Parse("""
            {"fields":[{"type":"colour"},{"key":"a","type":"choice"},{"key":"a","type":"number","min":5,"max":1},{"key":"b","type":"text","pattern":"("}]}
            """), out var problems);

        Assert.Null(form);
        Assert.Contains(problems, p => p.StartsWith("$.fields[0].key:", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("$.fields[0].type: 'colour'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("$.fields[1].options:", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("$.fields[2].min:", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("$.fields[3].pattern:", StringComparison.Ordinal));
    }

    [Fact]
    public void A_form_without_fields_is_refused()
    {
        Assert.Null(TaskForm.Parse(JsonNode.Parse("""{"field":[]}"""), out var problems));
        Assert.Equal(["$.fields: a form is an object with a 'fields' array."], problems);
    }

    [Theory]
    [InlineData("reached", "true", null)]
    [InlineData("reached", "\"yes\"", "'Reached' must be true or false.")]
    [InlineData("reached", null, "'Reached' is required.")]
    [InlineData("notes", "\"fine\"", null)]
    [InlineData("notes", "\"much longer than twenty characters\"", "'Notes' must be at most 20 characters long.")]
    [InlineData("notes", "42", "'Notes' must be text.")]
    [InlineData("summary", "\"All good\"", null)]
    [InlineData("summary", "\"R2-D2\"", "'Summary' is not in the expected format.")]
    [InlineData("pain", "3", null)]
    [InlineData("pain", "11", "'Pain score' must be between 0 and 10.")]
    [InlineData("pain", "\"3\"", "'Pain score' must be a number.")]
    [InlineData("visit", "\"2026-11-24\"", null)]
    [InlineData("visit", "\"24/11/2026\"", "'Visit' must be a date, for example 2026-11-24.")]
    [InlineData("calledAt", "\"2026-11-24T15:30:00-05:00\"", null)]
    [InlineData("calledAt", "\"2026-11-24\"", "'Called at' must be a date and time with its offset, for example 2026-11-24T15:30:00-05:00.")]
    [InlineData("channel", "\"sms\"", null)]
    [InlineData("channel", "\"fax\"", "'Channel' must be one of phone, sms.")]
    [InlineData("channel", null, "'Channel' is required.")]
    [InlineData("concerns", "[\"transport\"]", null)]
    [InlineData("concerns", "[\"transport\",\"medication\"]", "'Concerns' must have at most 1 choices.")]
    [InlineData("concerns", "[\"weather\"]", "'Concerns' must be a list of medication, transport.")]
    [InlineData("concerns", "\"transport\"", "'Concerns' must be a list of medication, transport.")]
    public void Each_field_kind_checks_what_is_submitted(string key, string? json, string? problem)
    {
        var field = Form.Fields.Single(f => f.Key == key);

        Assert.Equal(problem, field.Check(json is null ? null : JsonNode.Parse(json)));
    }
}

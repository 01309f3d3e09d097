using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using CareFlows.Engine.Execution;
using CareFlows.Server.Infrastructure;

namespace CareFlows.Server.Tests.Infrastructure;

public sealed class ExpectedValuesTests
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web) { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };

    [Theory]
    [InlineData(typeof(string), "a string")]
    [InlineData(typeof(int?), "a whole number")]
    [InlineData(typeof(long), "a whole number")]
    [InlineData(typeof(double), "a number")]
    [InlineData(typeof(bool?), "true or false")]
    [InlineData(typeof(WorkflowStatus), "one of Running, Finished")]
    [InlineData(typeof(DateTimeOffset?), "a date and time, for example 2026-01-31T09:00:00Z")]
    [InlineData(typeof(TimeSpan), "a duration, for example 01:30:00")]
    [InlineData(typeof(string[]), "a JSON array")]
    [InlineData(typeof(Dictionary<string, int>), "a JSON object")]
    [InlineData(typeof(JsonObject), "a JSON object")]
    [InlineData(typeof(Order), "a JSON object")]
    [InlineData(typeof(JsonNode), null)]
    [InlineData(typeof(object), null)]
    public void Describes_what_a_value_of_a_type_looks_like_without_naming_the_type(Type type, string? expected)
    {
        Assert.Equal(expected, ExpectedValues.Describe(type));
    }

    [Theory]
    [InlineData("$", typeof(Order))]
    [InlineData("$.number", typeof(int?))]
    [InlineData("$.Number", typeof(int?))]
    [InlineData("$.lines[2]", typeof(Line))]
    [InlineData("$.lines[0].quantity", typeof(int))]
    [InlineData("$.totals.net", typeof(decimal))]
    [InlineData("$.totals['with.dot']", typeof(decimal))]
    [InlineData("$.extra.anything", null)]
    [InlineData("$.missing", null)]
    [InlineData("$.number[0]", null)]
    public void Finds_the_type_a_json_path_names_in_a_body(string path, Type? expected)
    {
        Assert.Equal(expected, ExpectedValues.AtPath(typeof(Order), path, Web));
    }

    private sealed record Line(int Quantity);

    private sealed record Order(int? Number, IReadOnlyList<Line> Lines, Dictionary<string, decimal> Totals, JsonNode? Extra);
}

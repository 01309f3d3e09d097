using System.Text.Json.Nodes;
using CareFlows.Engine.Execution;
using CareFlows.Engine.Tests.TestSupport;

namespace CareFlows.Engine.Tests.Activities.Clinical;

public class RiskScoreTests
{
    private readonly ActivityTestFixture _fixture = new();

    private static JsonObject Scoring(string inputs)
    {
        var activity = Flows.Activity("risk", "CareFlows.RiskScore");
        activity["inputs"] = Flows.Input("Object", "JavaScript", inputs);
        activity["result"] = new JsonObject { ["typeName"] = "Object", ["memoryReference"] = new JsonObject { ["id"] = "Risk" } };
        return activity;
    }

    [Fact]
    public async Task A_high_LACE_leaves_through_High_and_records_both_scores_with_their_variants()
    {
        var result = await _fixture.RunAsync(
            Scoring("({ lengthOfStayDays: 5, emergentAdmission: true, charlsonIndex: 2, edVisitsLast6Months: 1, hemoglobin: 13, sodium: 140, oncologyDischarge: false, procedureDuringStay: false, nonElectiveAdmission: true, admissionsLast12Months: 0 })"),
            ["High", "Standard"],
            [Flows.Variable("Risk", "Object", "")]);

        Assert.Equal(["High"], result.State.Log);
        var risk = (JsonObject)JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(result.State.Variables["Risk"]))!;
        Assert.Equal(("LACE", 10, "HOSPITAL", "HOSPITAL score (Donzé 2013)", 3), (risk["lace"]!["score"]!.GetValue<string>(), risk["lace"]!["value"]!.GetValue<int>(), risk["hospital"]!["score"]!.GetValue<string>(), risk["hospital"]!["variant"]!.GetValue<string>(), risk["hospital"]!["value"]!.GetValue<int>()));
        Assert.True(risk["highRisk"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Without_laboratory_values_only_LACE_is_scored()
    {
        var result = await _fixture.RunAsync(Scoring("({ lengthOfStayDays: 2, emergentAdmission: false, charlsonIndex: 1, edVisitsLast6Months: 0 })"), ["High", "Standard"], [Flows.Variable("Risk", "Object", "")]);

        Assert.Empty(result.State.Incidents.Select(i => i.Message));
        Assert.Equal(["Standard"], result.State.Log);
        var risk = (JsonObject)JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(result.State.Variables["Risk"]))!;
        Assert.Null(risk["hospital"]);
        Assert.Equal(3, risk["lace"]!["value"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_value_of_the_wrong_kind_faults_the_activity_naming_it()
    {
        var result = await _fixture.RunAsync(Scoring("({ lengthOfStayDays: 'long' })"), ["High", "Standard"]);

        Assert.Equal(WorkflowSubStatus.Faulted, result.State.SubStatus);
        Assert.Contains("'lengthOfStayDays' must be a whole number", result.State.Incidents.Single().Message, StringComparison.Ordinal);
    }
}

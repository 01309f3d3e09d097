using System.Text.Json.Nodes;

namespace CareFlows.Engine.Activities.Clinical;

/// <summary>One part of a score: what it was computed from and the points it gave.</summary>
public sealed record RiskScoreComponent(string Name, JsonNode? Value, int Points);

/// <summary>
/// A readmission score as a care team and an auditor need it recorded: which score and which variant of it, the total,
/// the band it falls in and whether that band counts as high risk, each part's points, and the parts whose input was
/// unknown (counted as zero, so the score is a lower bound).
/// </summary>
public sealed record RiskScoreResult(
    string Score,
    string Variant,
    int Value,
    int Maximum,
    string Band,
    bool HighRisk,
    IReadOnlyList<RiskScoreComponent> Components,
    IReadOnlyList<string> Unknown)
{
    public JsonObject ToJson() => new()
    {
        ["score"] = Score,
        ["variant"] = Variant,
        ["value"] = Value,
        ["maximum"] = Maximum,
        ["band"] = Band,
        ["highRisk"] = HighRisk,
        ["components"] = new JsonArray([.. Components.Select(c => (JsonNode)new JsonObject { ["name"] = c.Name, ["value"] = c.Value?.DeepClone(), ["points"] = c.Points })]),
        ["unknown"] = new JsonArray([.. Unknown.Select(u => (JsonNode)JsonValue.Create(u))]),
    };
}

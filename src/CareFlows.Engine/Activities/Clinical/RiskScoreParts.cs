using System.Text.Json.Nodes;

namespace CareFlows.Engine.Activities.Clinical;

/// <summary>Collects a score's parts as it is computed: known inputs give their points, unknown ones are listed.</summary>
internal sealed class RiskScoreParts
{
    private readonly List<RiskScoreComponent> _components = [];
    private readonly List<string> _unknown = [];

    public int Total => _components.Sum(c => c.Points);

    public void Add(string name, int? value, Func<int, int> points) => Add<int>(name, value, points);

    public void Add(string name, double? value, Func<double, int> points) => Add<double>(name, value, points);

    public void Add(string name, bool? value, Func<bool, int> points) => Add<bool>(name, value, points);

    private void Add<T>(string name, T? value, Func<T, int> points) where T : struct
    {
        if (value is { } known)
        {
            _components.Add(new RiskScoreComponent(name, JsonValue.Create(known), points(known)));
        }
        else
        {
            _components.Add(new RiskScoreComponent(name, null, 0));
            _unknown.Add(name);
        }
    }

    public RiskScoreResult Result(string score, string variant, int value, int maximum, string band, bool highRisk) =>
        new(score, variant, value, maximum, band, highRisk, _components, _unknown);
}

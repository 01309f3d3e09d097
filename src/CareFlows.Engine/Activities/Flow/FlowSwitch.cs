using System.Text.Json.Nodes;
using CareFlows.Engine.Definitions;
using CareFlows.Engine.Expressions;
using CareFlows.Engine.Execution;

namespace CareFlows.Engine.Activities.Flow;

[Activity("Elsa", "FlowSwitch", Category = "Flow", DisplayName = "Switch", Description = "Continues through the first matching case (MatchFirst) or every matching case (MatchAny), or Default.")]
[Outcomes("Default", DynamicFrom = "cases")]
[ConfiguredInput("cases", TypeName = "FlowSwitchCase[]", UIHint = UIHints.Cases, Description = "The cases in order, each a label (its outcome port) and a condition; the switch continues through the matching ones.")]
public sealed class FlowSwitch : CodeActivity
{
    /// <summary>The outcome taken when no case matches.</summary>
    public const string Default = "Default";

    private readonly List<(string Label, CompiledExpression? Condition)> _cases = [];

    [Input(Description = "MatchFirst takes the first case whose condition holds; MatchAny takes every one.", UIHint = UIHints.Dropdown, Options = ["MatchFirst", "MatchAny"])]
    public Input<SwitchMode> Mode { get; } = new(SwitchMode.MatchFirst);

    public override void Configure(ActivityConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var property = configuration.GetProperty("cases");
        if (property is null)
        {
            return;
        }

        var path = configuration.PathOf("cases");
        var cases = property switch
        {
            JsonArray array => array,
            JsonObject wrapped when InputDefinition.From(wrapped)?.Expression.Text is { } text => TryParseArray(text),
            _ => null,
        };
        if (cases is null)
        {
            configuration.AddError(path, "'cases' must be a list of {label, condition}.");
            return;
        }

        for (var i = 0; i < cases.Count; i++)
        {
            if (cases[i] is not JsonObject item || JsonKeys.Get(item, "label")?.GetValue<string>() is not { } label)
            {
                configuration.AddError($"{path}[{i}]", "Each case needs a 'label'.");
                continue;
            }

            var condition = JsonKeys.Get(item, "condition") switch
            {
                JsonObject expression => ExpressionOf(expression),
                null => null,
                var bare => new ExpressionDefinition(ExpressionDefinition.Literal, bare.DeepClone()),
            };
            _cases.Add((label, condition is null ? null : configuration.Compile(condition, typeof(bool), $"{path}[{i}].condition")));
        }
    }

    public override IReadOnlyList<string>? GetDynamicOutcomes() => [.. _cases.Select(c => c.Label), Default];

    protected override void Execute(ActivityExecutionContext context)
    {
        var matchAny = context.Get(Mode) == SwitchMode.MatchAny;
        var matched = new List<string>();
        foreach (var (label, condition) in _cases)
        {
            if (condition is not null && ValueConverter.Convert<bool>(condition.Evaluate(context)))
            {
                matched.Add(label);
                if (!matchAny)
                {
                    break;
                }
            }
        }

        context.Complete(matched.Count > 0 ? matched : [Default]);
    }

    private static ExpressionDefinition ExpressionOf(JsonObject expression) =>
        JsonKeys.Has(expression, "expression") && InputDefinition.From(expression) is { } input
            ? input.Expression
            : ExpressionDefinition.From(expression);

    private static JsonArray? TryParseArray(string text)
    {
        try
        {
            return JsonNode.Parse(text) as JsonArray;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}

/// <summary>How a switch picks cases.</summary>
public enum SwitchMode
{
    MatchFirst,
    MatchAny,
}

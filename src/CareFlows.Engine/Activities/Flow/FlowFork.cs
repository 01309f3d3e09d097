using CareFlows.Engine.Execution;

namespace CareFlows.Engine.Activities.Flow;

[Activity("Elsa", "FlowFork", Category = "Flow", DisplayName = "Fork", Description = "Continues through every branch at once.")]
[Outcomes(DynamicFrom = "branches")]
public sealed class FlowFork : CodeActivity
{
    [Input(Description = "The branch names; each becomes an outcome port.", UIHint = UIHints.DynamicOutcomes)]
    public Input<string[]> Branches { get; } = new([]);

    public override IReadOnlyList<string>? GetDynamicOutcomes() =>
        Branches.TryGetConstant(out var branches) ? Outcomes(branches) : null;

    protected override void Execute(ActivityExecutionContext context) => context.Complete(Outcomes(context.Get(Branches)));

    private static string[] Outcomes(string[]? branches) => branches is { Length: > 0 } ? branches : [Done];
}

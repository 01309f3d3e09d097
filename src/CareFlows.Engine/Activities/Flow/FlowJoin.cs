using CareFlows.Engine.Execution;
using CareFlows.Engine.Expressions;

namespace CareFlows.Engine.Activities.Flow;

[Activity("Elsa", "FlowJoin", Category = "Flow", DisplayName = "Join", Description = "Merges inbound branches: continue on the first (WaitAny), on all (WaitAll) or on all that were taken (WaitAllActive).")]
public sealed class FlowJoin : CodeActivity
{
    [Input(Description = "WaitAny continues on the first branch and cancels the others; WaitAll waits for every branch; WaitAllActive waits for every branch that was taken.", UIHint = UIHints.Dropdown, Options = ["WaitAny", "WaitAll", "WaitAllActive"])]
    public Input<FlowJoinMode> Mode { get; } = new(FlowJoinMode.WaitAny);

    /// <summary>The join mode, evaluated for the instance.</summary>
    public FlowJoinMode ResolveMode(IExpressionScope scope) =>
        Mode.IsConstant && Mode.TryGetConstant(out var constant) ? constant : Mode.Evaluate(scope);

    /// <summary>Applies the join mode to counts of inbound connections.</summary>
    public static JoinDecision Decide(FlowJoinMode mode, int count, int visited, int followed) => mode switch
    {
        FlowJoinMode.WaitAll => JoinRule.WaitAll(count, visited, followed),
        FlowJoinMode.WaitAllActive => JoinRule.WaitAllActive(count, visited, followed),
        _ => JoinRule.WaitAny(count, visited, followed),
    };

    protected override void Execute(ActivityExecutionContext context)
    {
    }
}

/// <summary>How a join merges its inbound branches.</summary>
public enum FlowJoinMode
{
    WaitAny,
    WaitAll,
    WaitAllActive,
}

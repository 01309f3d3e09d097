using CareFlows.Engine.Activities;
using CareFlows.Engine.Execution;

namespace CareFlows.Engine.Definitions.Validation;

/// <summary>The outcome ports a connection may leave an activity through.</summary>
internal sealed class OutcomePorts(ActivityRegistry registry, WorkflowCompiler compiler)
{
    /// <summary>
    /// The activity's ports, or null when they cannot be known before it runs: its type is unknown, or its outcomes
    /// come from a setting (fork branches, switch cases, task outcomes) that is computed at run time or does not compile.
    /// </summary>
    public IReadOnlyCollection<string>? Of(WorkflowDefinition definition, ActivityDefinition activity)
    {
        if (registry.Find(activity.Type) is not { } descriptor)
        {
            return null;
        }

        if (descriptor.DynamicOutcomesInput is null)
        {
            return descriptor.Outcomes;
        }

        return compiler.TryCompileActivity(definition, activity)?.GetDynamicOutcomes() is { } dynamic
            ? [.. descriptor.Outcomes.Union(dynamic, StringComparer.OrdinalIgnoreCase)]
            : null;
    }
}

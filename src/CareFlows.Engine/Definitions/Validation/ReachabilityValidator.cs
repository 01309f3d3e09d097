using CareFlows.Engine.Activities;
using FluentValidation;

namespace CareFlows.Engine.Definitions.Validation;

/// <summary>Every activity should be reachable from the start activity or from a trigger; otherwise it never runs.</summary>
internal sealed class ReachabilityValidator(ActivityRegistry registry) : FlowchartValidator
{
    protected override void Check(FlowchartDefinition flowchart, ValidationContext<WorkflowDefinition> context)
    {
        var graph = new FlowchartGraph(flowchart);
        if (graph.Start() is not { } start)
        {
            return;
        }

        var reached = graph.ReachableFrom(graph.Triggers(registry).Prepend(start));
        var startName = Wording.Activity(flowchart.Activities[start]);
        for (var i = 0; i < flowchart.Activities.Count; i++)
        {
            // An activity whose id another one already has is reported as a duplicate instead.
            if (!reached[i] && graph.IsNamedById(i))
            {
                context.ReportWarning(
                    JsonPaths.Activity(i),
                    ValidationCodes.Unreachable,
                    $"Activity {Wording.Activity(flowchart.Activities[i])} can never run: no connection leads to it from the start activity {startName} or from any trigger.");
            }
        }
    }
}

using CareFlows.Engine.Activities;
using CareFlows.Engine.Execution;
using FluentValidation;

namespace CareFlows.Engine.Definitions.Validation;

/// <summary>
/// Every connection must join two activities that exist, leave through an outcome its activity can finish with
/// (compared ignoring case, as the engine follows them) and enter through <c>In</c>.
/// </summary>
internal sealed class ConnectionValidator(ActivityRegistry registry, WorkflowCompiler compiler) : FlowchartValidator
{
    private readonly OutcomePorts _ports = new(registry, compiler);

    protected override void Check(FlowchartDefinition flowchart, ValidationContext<WorkflowDefinition> context)
    {
        var portsBySource = new Dictionary<ActivityDefinition, IReadOnlyCollection<string>?>();
        for (var i = 0; i < flowchart.Connections.Count; i++)
        {
            var connection = flowchart.Connections[i];
            var source = flowchart.FindActivity(connection.Source.Activity);
            var target = flowchart.FindActivity(connection.Target.Activity);
            if (source is null)
            {
                context.ReportError(
                    JsonPaths.ConnectionActivity(i, connection, ConnectionEnd.Source),
                    ValidationCodes.MissingActivity,
                    $"A connection to {Name(target, connection.Target)} starts at activity '{connection.Source.Activity}', which does not exist in this workflow.");
            }

            if (target is null)
            {
                context.ReportError(
                    JsonPaths.ConnectionActivity(i, connection, ConnectionEnd.Target),
                    ValidationCodes.MissingActivity,
                    $"A connection from {Name(source, connection.Source)} leads to activity '{connection.Target.Activity}', which does not exist in this workflow.");
            }

            if (source is not null)
            {
                if (!portsBySource.TryGetValue(source, out var ports))
                {
                    portsBySource[source] = ports = _ports.Of(context.InstanceToValidate, source);
                }

                if (ports is not null && !ports.Contains(connection.Source.Port, StringComparer.OrdinalIgnoreCase))
                {
                    context.ReportError(
                        JsonPaths.ConnectionPort(i, connection, ConnectionEnd.Source),
                        ValidationCodes.UnknownPort,
                        ports.Count == 0
                            ? $"A connection leaves {Wording.Activity(source)} through '{connection.Source.Port}', but nothing can follow that activity: it ends its path."
                            : $"A connection leaves {Wording.Activity(source)} through '{connection.Source.Port}', but that activity only finishes with {Wording.List(ports)}.");
                }
            }

            if (!string.Equals(connection.Target.Port, ConnectionDefinition.DefaultTargetPort, StringComparison.OrdinalIgnoreCase))
            {
                context.ReportError(
                    JsonPaths.ConnectionPort(i, connection, ConnectionEnd.Target),
                    ValidationCodes.UnknownPort,
                    $"A connection enters {Name(target, connection.Target)} through '{connection.Target.Port}', but activities are only entered through '{ConnectionDefinition.DefaultTargetPort}'.");
            }
        }
    }

    private static string Name(ActivityDefinition? activity, ConnectionEndpoint endpoint) =>
        activity is null ? $"'{endpoint.Activity}'" : Wording.Activity(activity);
}

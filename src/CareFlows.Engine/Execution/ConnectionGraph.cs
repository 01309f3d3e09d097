using CareFlows.Engine.Activities;
using CareFlows.Engine.Definitions;

namespace CareFlows.Engine.Execution;

/// <summary>Indexes a flowchart's connections by activity and finds the ones that close loops.</summary>
internal static class ConnectionGraph
{
    public static CompiledConnection[] Build(FlowchartDefinition flowchart, List<ActivityNode> nodes, List<CompilationError> errors)
    {
        // The first activity with an id wins; the compiler reports any later one with the same id.
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            index.TryAdd(node.Id, node.Index);
        }

        var connections = new List<CompiledConnection>();
        for (var i = 0; i < flowchart.Connections.Count; i++)
        {
            var connection = flowchart.Connections[i];
            var path = $"$.root.connections[{i}]";
            var hasSource = index.TryGetValue(connection.Source.Activity, out var source);
            var hasTarget = index.TryGetValue(connection.Target.Activity, out var target);
            if (!hasSource || !hasTarget)
            {
                // An endpoint whose activity exists but has an unknown type is already reported by the compiler.
                ReportMissing(flowchart, connection, path, hasSource, hasTarget, errors);
                continue;
            }

            connections.Add(new CompiledConnection { Index = connections.Count, Source = source, SourcePort = connection.Source.Port, Target = target });
        }

        var compiled = connections.ToArray();
        foreach (var node in nodes)
        {
            node.Outbound = [.. compiled.Where(c => c.Source == node.Index).Select(c => c.Index)];
            node.InboundAll = [.. compiled.Where(c => c.Target == node.Index).Select(c => c.Index)];
        }

        MarkBackwardConnections(nodes, compiled, flowchart.Start);
        foreach (var node in nodes)
        {
            node.InboundForward = [.. node.InboundAll.Where(c => !compiled[c].IsBackward)];
        }

        foreach (var connection in compiled.Where(c => c.IsBackward))
        {
            var downstream = Downstream(nodes, compiled, connection.Target);
            connection.LoopResetNodes = [.. downstream];
            connection.LoopResetConnections = [.. compiled.Where(c => !c.IsBackward && downstream.Contains(c.Source)).Select(c => c.Index)];
        }

        foreach (var node in nodes)
        {
            node.Ancestors = [.. Upstream(nodes, compiled, node.Index)];
        }

        return compiled;
    }

    private static void ReportMissing(FlowchartDefinition flowchart, ConnectionDefinition connection, string path, bool hasSource, bool hasTarget, List<CompilationError> errors)
    {
        var sourcePath = connection.IsLegacyFormat ? $"{path}.source" : $"{path}.source.activity";
        var targetPath = connection.IsLegacyFormat ? $"{path}.target" : $"{path}.target.activity";
        if (!hasSource && flowchart.FindActivity(connection.Source.Activity) is null)
        {
            errors.Add(new CompilationError(sourcePath, $"The connection starts at activity '{connection.Source.Activity}', which does not exist.", CompilationErrorCode.MissingConnectionTarget));
        }

        if (!hasTarget && flowchart.FindActivity(connection.Target.Activity) is null)
        {
            errors.Add(new CompilationError(targetPath, $"The connection leads to activity '{connection.Target.Activity}', which does not exist.", CompilationErrorCode.MissingConnectionTarget));
        }
    }

    // A depth-first walk from the likely start activities, following connections in definition order:
    // a connection that leads back to an activity still on the walk's path closes a loop.
    private static void MarkBackwardConnections(List<ActivityNode> nodes, CompiledConnection[] connections, string? explicitStart)
    {
        var state = new byte[nodes.Count];
        var roots = nodes.Where(n => n.Id == explicitStart)
            .Concat(nodes.Where(n => n.Type == "Elsa.Start"))
            .Concat(nodes.Where(n => n.Definition.CanStartWorkflow))
            .Concat(nodes.Where(n => n.InboundAll.Length == 0))
            .Concat(nodes);
        foreach (var root in roots)
        {
            if (state[root.Index] != 0)
            {
                continue;
            }

            var stack = new Stack<(int Node, int Next)>();
            stack.Push((root.Index, 0));
            state[root.Index] = 1;
            while (stack.Count > 0)
            {
                var (node, next) = stack.Pop();
                var outbound = nodes[node].Outbound;
                if (next >= outbound.Length)
                {
                    state[node] = 2;
                    continue;
                }

                stack.Push((node, next + 1));
                var connection = connections[outbound[next]];
                switch (state[connection.Target])
                {
                    case 0:
                        state[connection.Target] = 1;
                        stack.Push((connection.Target, 0));
                        break;
                    case 1:
                        connection.IsBackward = true;
                        break;
                }
            }
        }
    }

    private static HashSet<int> Downstream(List<ActivityNode> nodes, CompiledConnection[] connections, int from) =>
        Walk(from, n => nodes[n].Outbound.Where(c => !connections[c].IsBackward).Select(c => connections[c].Target));

    private static HashSet<int> Upstream(List<ActivityNode> nodes, CompiledConnection[] connections, int from)
    {
        var upstream = Walk(from, n => nodes[n].InboundForward.Select(c => connections[c].Source));
        upstream.Remove(from);
        return upstream;
    }

    private static HashSet<int> Walk(int from, Func<int, IEnumerable<int>> next)
    {
        var seen = new HashSet<int> { from };
        var stack = new Stack<int>();
        stack.Push(from);
        while (stack.Count > 0)
        {
            foreach (var n in next(stack.Pop()))
            {
                if (seen.Add(n))
                {
                    stack.Push(n);
                }
            }
        }

        return seen;
    }
}

using System.Collections.Concurrent;
using System.Collections.Frozen;
using CareFlows.Engine.Activities;
using CareFlows.Engine.Definitions;

namespace CareFlows.Engine.Execution;

/// <summary>
/// A definition version turned into something runnable: activities with compiled inputs, connections indexed
/// by activity, loops found. Built once per version and shared by every instance of it.
/// </summary>
public sealed class CompiledWorkflow
{
    private readonly ConcurrentDictionary<int, bool[]> _reachable = new();

    internal CompiledWorkflow(
        WorkflowDefinition definition,
        ActivityNode[] nodes,
        CompiledConnection[] connections,
        IReadOnlyList<VariableSlot> variables)
    {
        Definition = definition;
        Nodes = nodes;
        Connections = connections;
        Variables = variables;
        IndexById = nodes.ToFrozenDictionary(n => n.Id, n => n.Index, StringComparer.Ordinal);
        RootId = definition.Root.Id;
        Triggers = nodes.Where(n => n.Descriptor.IsTrigger && n.Definition.CanStartWorkflow)
            .Select(n => new TriggerActivity(n.Id, n.Type, n.Activity))
            .ToList();
    }

    public WorkflowDefinition Definition { get; }

    public string DefinitionId => Definition.DefinitionId ?? Definition.Id ?? "";

    public string DefinitionVersionId => Definition.Id ?? Definition.DefinitionId ?? "";

    public int Version => Definition.Version ?? 1;

    /// <summary>Activities with <c>canStartWorkflow</c> that can start new instances when the version is published.</summary>
    public IReadOnlyList<TriggerActivity> Triggers { get; }

    /// <summary>The configured activities, in definition order (read-only inspection, for example of what a workflow dispatches).</summary>
    public IEnumerable<Activity> Activities => Nodes.Select(n => n.Activity);

    internal string RootId { get; }

    internal ActivityNode[] Nodes { get; }

    internal CompiledConnection[] Connections { get; }

    internal IReadOnlyList<VariableSlot> Variables { get; }

    internal FrozenDictionary<string, int> IndexById { get; }

    internal ActivityNode? FindNode(string activityId) => IndexById.TryGetValue(activityId, out var i) ? Nodes[i] : null;

    /// <summary>
    /// The start activity in Elsa's order: the trigger that started the run, the explicit start, the first
    /// Elsa.Start, the first activity that can start the workflow, the first with no inbound connection, the first.
    /// </summary>
    internal ActivityNode? ResolveStart(string? triggerActivityId)
    {
        if (triggerActivityId is not null)
        {
            return FindNode(triggerActivityId);
        }

        if (Definition.Flowchart?.Start is { } explicitStart && FindNode(explicitStart) is { } start)
        {
            return start;
        }

        return Nodes.FirstOrDefault(n => n.Type == "Elsa.Start")
            ?? Nodes.FirstOrDefault(n => n.Definition.CanStartWorkflow)
            ?? Nodes.FirstOrDefault(n => n.InboundAll.Length == 0)
            ?? Nodes.FirstOrDefault();
    }

    /// <summary>Which activities a run from <paramref name="start"/> can reach.</summary>
    internal bool[] ReachableFrom(int start) => _reachable.GetOrAdd(start, s =>
    {
        var reached = new bool[Nodes.Length];
        var stack = new Stack<int>();
        stack.Push(s);
        reached[s] = true;
        while (stack.Count > 0)
        {
            foreach (var c in Nodes[stack.Pop()].Outbound)
            {
                var target = Connections[c].Target;
                if (!reached[target])
                {
                    reached[target] = true;
                    stack.Push(target);
                }
            }
        }

        return reached;
    });
}

/// <summary>An activity that can start new instances of a published version.</summary>
public sealed record TriggerActivity(string ActivityId, string ActivityType, Activity Activity);

/// <summary>One compiled activity and its place in the graph.</summary>
internal sealed class ActivityNode
{
    public required int Index { get; init; }

    public required string Id { get; init; }

    public required string Type { get; init; }

    public required string DisplayName { get; init; }

    public required ActivityDefinition Definition { get; init; }

    public required ActivityDescriptor Descriptor { get; init; }

    public required Activity Activity { get; init; }

    /// <summary>Outbound connection indexes in definition order.</summary>
    public int[] Outbound { get; set; } = [];

    /// <summary>Inbound forward (non-loop) connection indexes.</summary>
    public int[] InboundForward { get; set; } = [];

    /// <summary>Every inbound connection index, loops included.</summary>
    public int[] InboundAll { get; set; } = [];

    /// <summary>Activities upstream of this one through forward connections (for WaitAny joins).</summary>
    public int[] Ancestors { get; set; } = [];
}

/// <summary>A connection between two compiled activities.</summary>
internal sealed class CompiledConnection
{
    public required int Index { get; init; }

    public required int Source { get; init; }

    public required string SourcePort { get; init; }

    public required int Target { get; init; }

    /// <summary>True when the connection closes a loop.</summary>
    public bool IsBackward { get; set; }

    /// <summary>For a loop: the activities whose pass state is reset when it is followed.</summary>
    public int[] LoopResetNodes { get; set; } = [];

    /// <summary>For a loop: the connections whose pass state is reset when it is followed.</summary>
    public int[] LoopResetConnections { get; set; } = [];
}

/// <summary>A declared variable with its type and default value.</summary>
internal sealed record VariableSlot(string Name, string? Id, Type Type, object? DefaultValue, bool IsTyped);

using CareFlows.Engine.Activities;

namespace CareFlows.Engine.Definitions.Validation;

/// <summary>
/// A flowchart's activities by position, and where connections lead. Connections to or from a missing activity
/// lead nowhere; an id used twice means its first activity.
/// </summary>
internal sealed class FlowchartGraph
{
    private readonly FlowchartDefinition _flowchart;
    private readonly Dictionary<string, int> _indexById = new(StringComparer.Ordinal);
    private readonly List<int>[] _next;
    private readonly bool[] _hasInbound;

    public FlowchartGraph(FlowchartDefinition flowchart)
    {
        _flowchart = flowchart;
        var count = flowchart.Activities.Count;
        for (var i = 0; i < count; i++)
        {
            _indexById.TryAdd(flowchart.Activities[i].Id, i);
        }

        _next = [.. Enumerable.Range(0, count).Select(_ => new List<int>())];
        _hasInbound = new bool[count];
        foreach (var connection in flowchart.Connections)
        {
            if (_indexById.TryGetValue(connection.Source.Activity, out var source) && _indexById.TryGetValue(connection.Target.Activity, out var target))
            {
                _next[source].Add(target);
                _hasInbound[target] = true;
            }
        }
    }

    /// <summary>Whether the activity at <paramref name="index"/> is the one its id names (the first with that id).</summary>
    public bool IsNamedById(int index) => _indexById[_flowchart.Activities[index].Id] == index;

    /// <summary>
    /// The start activity in Elsa's order: the explicit start, the first Elsa.Start, the first activity that can
    /// start the workflow, the first with no inbound connection, the first.
    /// </summary>
    public int? Start()
    {
        if (_flowchart.Start is { } start && _indexById.TryGetValue(start, out var explicitStart))
        {
            return explicitStart;
        }

        var activities = _flowchart.Activities;
        return First(i => activities[i].Type == "Elsa.Start")
            ?? First(i => activities[i].CanStartWorkflow)
            ?? First(i => !_hasInbound[i])
            ?? First(_ => true);
    }

    /// <summary>Activities with <c>canStartWorkflow</c> that start instances by themselves (unknown types count, to be safe).</summary>
    public IEnumerable<int> Triggers(ActivityRegistry registry) =>
        Enumerable.Range(0, _flowchart.Activities.Count)
            .Where(i => _flowchart.Activities[i].CanStartWorkflow && registry.Find(_flowchart.Activities[i].Type) is not { IsTrigger: false });

    /// <summary>Which activities connections lead to from any of <paramref name="roots"/>, the roots included.</summary>
    public bool[] ReachableFrom(IEnumerable<int> roots)
    {
        var reached = new bool[_next.Length];
        var stack = new Stack<int>();
        foreach (var root in roots.Where(r => !reached[r]))
        {
            reached[root] = true;
            stack.Push(root);
        }

        while (stack.Count > 0)
        {
            foreach (var target in _next[stack.Pop()].Where(t => !reached[t]))
            {
                reached[target] = true;
                stack.Push(target);
            }
        }

        return reached;
    }

    private int? First(Func<int, bool> predicate)
    {
        for (var i = 0; i < _flowchart.Activities.Count; i++)
        {
            if (predicate(i))
            {
                return i;
            }
        }

        return null;
    }
}

using CareFlows.Engine.Activities.Flow;
using CareFlows.Engine.Journal;

namespace CareFlows.Engine.Execution;

/// <summary>
/// Flowchart semantics: outcomes follow connections, activities with several inbound connections join,
/// paths not taken are skipped onward so joins downstream never wait for them, and loops reset what they revisit.
/// </summary>
internal sealed partial class Burst
{
    private void Follow(ActivityNode node, IReadOnlyList<string> outcomes)
    {
        List<WorkItem>? next = null;
        var followedBefore = RecordOf(node).PortsFollowedWhileWaiting;
        foreach (var index in node.Outbound)
        {
            var connection = _workflow.Connections[index];
            if (followedBefore is not null && Contains(followedBefore, connection.SourcePort))
            {
                continue;
            }

            var followed = Contains(outcomes, connection.SourcePort);
            if (connection.IsBackward)
            {
                if (followed && EnterLoop(node, connection))
                {
                    (next ??= []).Add(new WorkItem(connection.Target, WorkKind.Execute));
                }

                continue;
            }

            State.Flow.Connections[index] = followed ? ConnectionMark.Followed : ConnectionMark.Visited;
            Arrive(_workflow.Nodes[connection.Target], ref next);
        }

        // Pushed in reverse so the first connection's target runs first, as the definition lists them.
        for (var i = (next?.Count ?? 0) - 1; i >= 0; i--)
        {
            _stack.Push(next![i]);
        }
    }

    /// <summary>Follows only these ports' connections, leaving the others for when the still-waiting activity completes.</summary>
    private void FollowWhileWaiting(ActivityNode node, IReadOnlyList<string> ports)
    {
        if (ports.Count == 0)
        {
            return;
        }

        var record = RecordOf(node);
        List<WorkItem>? next = null;
        foreach (var index in node.Outbound)
        {
            var connection = _workflow.Connections[index];
            if (connection.IsBackward || !Contains(ports, connection.SourcePort) || (record.PortsFollowedWhileWaiting is { } before && Contains(before, connection.SourcePort)))
            {
                continue;
            }

            State.Flow.Connections[index] = ConnectionMark.Followed;
            Arrive(_workflow.Nodes[connection.Target], ref next);
        }

        (record.PortsFollowedWhileWaiting ??= []).AddRange(ports.Where(p => !Contains(record.PortsFollowedWhileWaiting, p)));
        for (var i = (next?.Count ?? 0) - 1; i >= 0; i--)
        {
            _stack.Push(next![i]);
        }
    }

    private void Arrive(ActivityNode target, ref List<WorkItem>? next)
    {
        if (State.Flow.Fired.Contains(target.Id))
        {
            return;
        }

        int count = 0, visited = 0, followed = 0;
        foreach (var index in target.InboundForward)
        {
            var connection = _workflow.Connections[index];
            if (!_reachable[connection.Source])
            {
                continue;
            }

            count++;
            var mark = State.Flow.Connections.GetValueOrDefault(index);
            visited += mark == ConnectionMark.NotVisited ? 0 : 1;
            followed += mark == ConnectionMark.Followed ? 1 : 0;
        }

        var decision = target.Activity is FlowJoin join
            ? FlowJoin.Decide(join.ResolveMode(new ActivityExecutionContext(this, target, false, null)), count, visited, followed)
            : JoinRule.Implicit(count, visited, followed);
        switch (decision)
        {
            case JoinDecision.Run:
                State.Flow.Fired.Add(target.Id);
                (next ??= []).Add(new WorkItem(target.Index, WorkKind.Execute));
                if (target.Activity is FlowJoin && count > visited)
                {
                    CancelInboundBranches(target);
                }

                break;
            case JoinDecision.Skip:
                State.Flow.Fired.Add(target.Id);
                (next ??= []).Add(new WorkItem(target.Index, WorkKind.Skip));
                break;
        }
    }

    // A join that fires before all its inbound branches arrived (WaitAny) cancels the branches still running.
    private void CancelInboundBranches(ActivityNode join)
    {
        var ancestors = new HashSet<int>(join.Ancestors);
        foreach (var bookmark in State.Bookmarks.Where(b => _workflow.FindNode(b.ActivityId) is { } n && ancestors.Contains(n.Index)).ToList())
        {
            RemoveBookmark(bookmark, JournalEvents.BookmarkCancelled);
            var node = _workflow.FindNode(bookmark.ActivityId)!;
            var record = RecordOf(node);
            if (record.Status == ActivityStatus.Running)
            {
                record.Status = ActivityStatus.Canceled;
                Journal(node, JournalEvents.Cancelled, $"cancelled when {join.DisplayName} continued");
            }
        }

        foreach (var ancestor in ancestors)
        {
            State.Flow.Fired.Add(_workflow.Nodes[ancestor].Id);
        }

        var pending = _stack.Where(item => !ancestors.Contains(item.Node)).Reverse().ToList();
        _stack.Clear();
        foreach (var item in pending)
        {
            _stack.Push(item);
        }
    }

    private bool EnterLoop(ActivityNode source, CompiledConnection connection)
    {
        var iterations = State.Flow.LoopIterations.GetValueOrDefault(connection.Index) + 1;
        if (iterations > _services.Options.MaxLoopIterations)
        {
            var target = _workflow.Nodes[connection.Target];
            Fault(source, $"Runaway loop: the connection from '{source.DisplayName}' back to '{target.DisplayName}' was followed more than {_services.Options.MaxLoopIterations} times.", "RunawayLoop", code: null);
            return false;
        }

        State.Flow.LoopIterations[connection.Index] = iterations;
        foreach (var node in connection.LoopResetNodes)
        {
            State.Flow.Fired.Remove(_workflow.Nodes[node].Id);
        }

        foreach (var index in connection.LoopResetConnections)
        {
            State.Flow.Connections.Remove(index);
        }

        State.Flow.Fired.Add(_workflow.Nodes[connection.Target].Id);
        return true;
    }

    private static bool Contains(IReadOnlyList<string> outcomes, string port)
    {
        for (var i = 0; i < outcomes.Count; i++)
        {
            if (string.Equals(outcomes[i], port, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}

namespace CareFlows.Engine.Execution;

/// <summary>What one activity has done so far within an instance.</summary>
public sealed class ActivityRecord
{
    public ActivityStatus Status { get; set; }

    /// <summary>How many times the activity has run (loops run it again).</summary>
    public int ExecutionCount { get; set; }

    /// <summary>Outputs of its last run by output name; <c>result</c> is the conventional one.</summary>
    public Dictionary<string, object?>? Outputs { get; set; }

    /// <summary>Ports whose connections were followed while the activity kept waiting (see <see cref="ActivityExecutionContext.FollowWhileWaiting"/>).</summary>
    public List<string>? PortsFollowedWhileWaiting { get; set; }
}

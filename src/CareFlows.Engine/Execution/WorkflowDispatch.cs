namespace CareFlows.Engine.Execution;

/// <summary>
/// A child instance a burst asks its host to start, in the same commit: the published version of
/// <paramref name="DefinitionId"/>, with the id the parent already knows it by. A child that finishes publishes
/// <see cref="ChildWorkflows.Completed"/> under its own id, which a parent waiting for it resumes on.
/// </summary>
public sealed record WorkflowDispatch(string DefinitionId, string ChildInstanceId, string? CorrelationId, IReadOnlyDictionary<string, object?>? Input, string ParentInstanceId)
{
    /// <summary>How every host starts the child.</summary>
    public StartRequest ToStartRequest() => new() { InstanceId = ChildInstanceId, CorrelationId = CorrelationId, Input = Input, ParentInstanceId = ParentInstanceId };
}

/// <summary>How a parent hears that a child it dispatched has ended.</summary>
public static class ChildWorkflows
{
    /// <summary>
    /// The event a child publishes when it ends (finished, cancelled or faulted), correlated by the child's id, with
    /// <c>{"instanceId", "status", "output"}</c>.
    /// </summary>
    public const string Completed = "ChildWorkflowCompleted";
}

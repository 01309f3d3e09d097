namespace CareFlows.Server.Runtime;

/// <summary>Keeps the triggers of published versions armed; call after publishing or reverting a definition.</summary>
public interface IWorkflowTriggers
{
    Task RefreshAsync(CancellationToken cancellationToken = default);
}

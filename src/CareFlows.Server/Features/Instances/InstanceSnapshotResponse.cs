using CareFlows.Engine.Execution;
using CareFlows.Server.Runtime;

namespace CareFlows.Server.Features.Instances;

/// <summary>An instance as the request that changed it left it: what it is, where it stands, what it waits for.</summary>
public sealed record InstanceSnapshotResponse(
    string Id,
    string DefinitionId,
    string DefinitionVersionId,
    int Version,
    string? CorrelationId,
    WorkflowStatus Status,
    WorkflowSubStatus SubStatus,
    int OpenBookmarks,
    int Incidents);

public static class InstanceSnapshotMapping
{
    public static InstanceSnapshotResponse ToResponse(this InstanceSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return new InstanceSnapshotResponse(
            snapshot.Id,
            snapshot.DefinitionId,
            snapshot.DefinitionVersionId,
            snapshot.DefinitionVersion,
            snapshot.CorrelationId,
            snapshot.Status,
            snapshot.SubStatus,
            snapshot.OpenBookmarks,
            snapshot.Incidents);
    }
}

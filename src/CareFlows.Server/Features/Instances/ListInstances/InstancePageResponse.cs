using System.Linq.Expressions;
using CareFlows.Server.Persistence.Entities;

namespace CareFlows.Server.Features.Instances.ListInstances;

/// <summary>One page of instances, newest first, with the number of instances matching the filters.</summary>
public sealed record InstancePageResponse(IReadOnlyList<InstanceSummaryResponse> Items, int Total, int Page, int PageSize);

/// <summary>An instance in a list: the indexed columns, not the state document.</summary>
public sealed record InstanceSummaryResponse(
    string Id,
    string DefinitionId,
    int Version,
    string? Name,
    string? CorrelationId,
    string Status,
    string SubStatus,
    int Incidents,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    DateTime? FinishedAt);

public static class InstanceSummaryMapping
{
    /// <summary>A projection the database runs, so the (large) state column is never read for a list.</summary>
    public static readonly Expression<Func<WorkflowInstanceRecord, InstanceSummaryResponse>> ToResponse = i => new InstanceSummaryResponse(
        i.Id,
        i.DefinitionId,
        i.DefinitionVersion,
        i.Name,
        i.CorrelationId,
        i.Status,
        i.SubStatus,
        i.IncidentCount,
        i.CreatedAt,
        i.UpdatedAt,
        i.FinishedAt);
}

using CareFlows.Engine.Execution;
using CareFlows.Server.Persistence.Entities;
using Microsoft.AspNetCore.Mvc;

namespace CareFlows.Server.Features.Instances.ListInstances;

/// <summary>Filters and paging of the instance list, bound from the query string.</summary>
/// <param name="Status">Running or Finished.</param>
/// <param name="SubStatus">Pending, Executing, Suspended, Finished, Cancelled or Faulted.</param>
/// <param name="DefinitionId">Instances of this definition (any version).</param>
/// <param name="CorrelationId">Instances with this correlation id.</param>
/// <param name="CreatedFrom">Created at or after this time (inclusive).</param>
/// <param name="CreatedTo">Created before this time (exclusive).</param>
/// <param name="Patient">Instances with a task for this patient: the patient's id (for example <c>Patient/123</c>) or MRN.</param>
/// <param name="HasIncidents">True for instances that raised an incident, false for those that raised none.</param>
/// <param name="Sort">
/// created (the default), updated (last change), status or definition, ascending; with a leading <c>-</c>, descending.
/// The absent default is <c>-created</c>, newest first.
/// </param>
/// <param name="Page">1-based page number; 1 when absent.</param>
/// <param name="PageSize">Instances per page, at most <see cref="InstancePaging.MaxPageSize"/>.</param>
public sealed record ListInstancesQuery(
    [FromQuery(Name = "status")] string? Status,
    [FromQuery(Name = "subStatus")] string? SubStatus,
    [FromQuery(Name = "definitionId")] string? DefinitionId,
    [FromQuery(Name = "correlationId")] string? CorrelationId,
    [FromQuery(Name = "createdFrom")] DateTimeOffset? CreatedFrom,
    [FromQuery(Name = "createdTo")] DateTimeOffset? CreatedTo,
    [FromQuery(Name = "patient")] string? Patient,
    [FromQuery(Name = "hasIncidents")] bool? HasIncidents,
    [FromQuery(Name = "sort")] string? Sort,
    [FromQuery(Name = "page")] int? Page,
    [FromQuery(Name = "pageSize")] int? PageSize)
{
    public static readonly IReadOnlyList<string> Sorts =
        ["created", "-created", "updated", "-updated", "status", "-status", "definition", "-definition"];

    public int PageNumber => Page ?? 1;

    public int Size => PageSize ?? InstancePaging.DefaultPageSize;

    /// <summary>Applies the filters; the stored status columns hold the enum names exactly.</summary>
    public IQueryable<WorkflowInstanceRecord> Filter(IQueryable<WorkflowInstanceRecord> instances, IQueryable<InboxTaskRecord> tasks)
    {
        ArgumentNullException.ThrowIfNull(instances);
        ArgumentNullException.ThrowIfNull(tasks);
        if (EnumName<WorkflowStatus>(Status) is { } status)
        {
            instances = instances.Where(i => i.Status == status);
        }

        if (EnumName<WorkflowSubStatus>(SubStatus) is { } subStatus)
        {
            instances = instances.Where(i => i.SubStatus == subStatus);
        }

        if (DefinitionId is { } definitionId)
        {
            instances = instances.Where(i => i.DefinitionId == definitionId);
        }

        if (CorrelationId is { } correlationId)
        {
            instances = instances.Where(i => i.CorrelationId == correlationId);
        }

        // An instance knows its patient through the tasks it made for them, each of which names the patient.
        if (Patient is { } patient)
        {
            instances = instances.Where(i => tasks.Any(t => t.InstanceId == i.Id && (t.PatientId == patient || t.PatientMrn == patient)));
        }

        if (HasIncidents is { } hasIncidents)
        {
            instances = hasIncidents ? instances.Where(i => i.IncidentCount > 0) : instances.Where(i => i.IncidentCount == 0);
        }

        // Compared as UTC DateTime, as the columns are stored, so SQLite's text and PostgreSQL's timestamptz both compare correctly.
        if (CreatedFrom?.UtcDateTime is { } from)
        {
            instances = instances.Where(i => i.CreatedAt >= from);
        }

        if (CreatedTo?.UtcDateTime is { } to)
        {
            instances = instances.Where(i => i.CreatedAt < to);
        }

        return instances;
    }

    /// <summary>
    /// Puts the instances in the order asked for. Equal keys are ordered newest first, then by id, so that a page
    /// never repeats or skips an instance.
    /// </summary>
    public IOrderedQueryable<WorkflowInstanceRecord> Order(IQueryable<WorkflowInstanceRecord> instances)
    {
        ArgumentNullException.ThrowIfNull(instances);
        var descending = Sort?.StartsWith('-') ?? true;
        var ordered = (Sort ?? "-created").TrimStart('-') switch
        {
            "updated" => descending ? instances.OrderByDescending(i => i.UpdatedAt) : instances.OrderBy(i => i.UpdatedAt),
            "status" => descending
                ? instances.OrderByDescending(i => i.Status).ThenByDescending(i => i.SubStatus)
                : instances.OrderBy(i => i.Status).ThenBy(i => i.SubStatus),
            "definition" => descending
                ? instances.OrderByDescending(i => i.DefinitionId).ThenByDescending(i => i.DefinitionVersion)
                : instances.OrderBy(i => i.DefinitionId).ThenBy(i => i.DefinitionVersion),
            _ => descending ? instances.OrderByDescending(i => i.CreatedAt) : instances.OrderBy(i => i.CreatedAt),
        };
        return ordered.ThenByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id);
    }

    /// <summary>The enum member's own name for <paramref name="value"/> (any case), or null; numbers are not names.</summary>
    public static string? EnumName<TEnum>(string? value) where TEnum : struct, Enum =>
        value is null ? null : Array.Find(Enum.GetNames<TEnum>(), n => string.Equals(n, value, StringComparison.OrdinalIgnoreCase));
}

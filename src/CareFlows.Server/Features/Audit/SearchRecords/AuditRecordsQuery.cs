using System.Linq.Expressions;
using System.Text.Json;
using CareFlows.Server.Audit;
using CareFlows.Server.Persistence.Entities;
using Microsoft.AspNetCore.Mvc;

namespace CareFlows.Server.Features.Audit.SearchRecords;

/// <summary>An auditor's question to the audit log, bound from the query string: filters, order and page.</summary>
/// <param name="From">Records at or after this time (inclusive).</param>
/// <param name="To">Records before this time (exclusive).</param>
/// <param name="Actor">Records of this user's (or client's) doing, by id.</param>
/// <param name="ActorType">user, client, system or anonymous.</param>
/// <param name="Patient">
/// Records about this patient: those naming the patient, and searches whose answer showed the patient.
/// </param>
/// <param name="EntityType">definition, instance, task, user, team, session, event …</param>
/// <param name="EntityId">The entity's id (with <paramref name="EntityType"/>, one entity's records).</param>
/// <param name="Instance">Records about this workflow instance.</param>
/// <param name="Definition">Records about this definition.</param>
/// <param name="Operation">task.complete, user.update, access.refused …</param>
/// <param name="Action">C, R, U, D or E.</param>
/// <param name="Outcome">success or denied.</param>
/// <param name="CorrelationId">Records of requests that carried this correlation id.</param>
/// <param name="Sort">Any field of a record, ascending; with a leading <c>-</c>, descending. The default is <c>-sequence</c>, newest first.</param>
/// <param name="Page">1-based page number; 1 when absent.</param>
/// <param name="PageSize">Records per page, at most <see cref="MaxPageSize"/>.</param>
public sealed record AuditRecordsQuery(
    [FromQuery(Name = "from")] DateTimeOffset? From,
    [FromQuery(Name = "to")] DateTimeOffset? To,
    [FromQuery(Name = "actor")] string? Actor,
    [FromQuery(Name = "actorType")] string? ActorType,
    [FromQuery(Name = "patient")] string? Patient,
    [FromQuery(Name = "entityType")] string? EntityType,
    [FromQuery(Name = "entityId")] string? EntityId,
    [FromQuery(Name = "instance")] string? Instance,
    [FromQuery(Name = "definition")] string? Definition,
    [FromQuery(Name = "operation")] string? Operation,
    [FromQuery(Name = "action")] string? Action,
    [FromQuery(Name = "outcome")] string? Outcome,
    [FromQuery(Name = "correlationId")] string? CorrelationId,
    [FromQuery(Name = "sort")] string? Sort,
    [FromQuery(Name = "page")] int? Page,
    [FromQuery(Name = "pageSize")] int? PageSize)
{
    public const int DefaultPageSize = 50;

    public const int MaxPageSize = 500;

    private const string DefaultSort = "-sequence";

    // Every text field a record has, by its name in the API; sequence and occurredAt are ordered apart (not text).
    private static readonly Dictionary<string, Expression<Func<AuditRecord, string?>>> TextFields = new(StringComparer.Ordinal)
    {
        ["actorType"] = r => r.ActorType,
        ["actorId"] = r => r.ActorId,
        ["operation"] = r => r.Operation,
        ["action"] = r => r.Action,
        ["entityType"] = r => r.EntityType,
        ["entityId"] = r => r.EntityId,
        ["patientId"] = r => r.PatientId,
        ["outcome"] = r => r.Outcome,
        ["clientAddress"] = r => r.ClientAddress,
        ["userAgent"] = r => r.UserAgent,
        ["purposeOfUse"] = r => r.PurposeOfUse,
        ["reason"] = r => r.Reason,
        ["correlationId"] = r => r.CorrelationId,
        ["definitionId"] = r => r.DefinitionId,
        ["instanceId"] = r => r.InstanceId,
    };

    /// <summary>Every order the query accepts.</summary>
    public static readonly IReadOnlyList<string> Sorts =
        [.. new[] { "sequence", "occurredAt", "definitionVersion" }.Concat(TextFields.Keys).SelectMany(f => new[] { f, "-" + f })];

    public int PageNumber => Page ?? 1;

    public int Size => PageSize ?? DefaultPageSize;

    public IQueryable<AuditRecord> Filter(IQueryable<AuditRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);

        // Compared as UTC DateTime, as the column is stored, so every provider compares the same way.
        if (From?.UtcDateTime is { } from)
        {
            records = records.Where(r => r.OccurredAt >= from);
        }

        if (To?.UtcDateTime is { } to)
        {
            records = records.Where(r => r.OccurredAt < to);
        }

        if (Patient is { } patient)
        {
            records = About(records, patient);
        }

        foreach (var (value, field) in new (string?, Expression<Func<AuditRecord, string?>>)[]
        {
            (Actor, r => r.ActorId), (ActorType, r => r.ActorType), (Instance, r => r.InstanceId), (Definition, r => r.DefinitionId), (Operation, r => r.Operation), (Action, r => r.Action),
            (Outcome, r => r.Outcome), (CorrelationId, r => r.CorrelationId),
        })
        {
            if (value is not null)
            {
                records = records.Where(Equals(field, value));
            }
        }

        return ForEntity(records, EntityType, EntityId);
    }

    /// <summary>
    /// One entity's records, asked so that an index serves them: an instance's through InstanceId, any other entity's
    /// through the entity index, whose filter the query repeats as a literal (see AuditRecordConfiguration).
    /// </summary>
    private static IQueryable<AuditRecord> ForEntity(IQueryable<AuditRecord> records, string? type, string? id) => (type, id) switch
    {
        (null, null) => records,
        (_, null) => records.Where(r => r.EntityType == type),
        (AuditEntityTypes.Instance, _) => records.Where(r => r.EntityType == AuditEntityTypes.Instance && r.InstanceId == id),
        (null, _) => records.Where(r => (r.EntityType != AuditEntityTypes.Instance && r.EntityId == id)
            || (r.EntityType == AuditEntityTypes.Instance && r.InstanceId == id)),
        _ => records.Where(r => r.EntityType != AuditEntityTypes.Instance && r.EntityType == type && r.EntityId == id),
    };

    /// <summary>The records about <paramref name="patient"/>: those naming the patient, and searches whose answer showed them.</summary>
    public static IQueryable<AuditRecord> About(IQueryable<AuditRecord> records, string patient)
    {
        ArgumentNullException.ThrowIfNull(records);

        // A search names the patients it showed in its answer as the JSON array "patients". The patient is looked for
        // as a whole element of it, escaped as the record was written: a piece of JSON (a lone "," or two ids run
        // together) matches nothing.
        var shown = JsonSerializer.Serialize(patient);
        var (only, first, middle, last) = ($"[{shown}]", $"[{shown},", $",{shown},", $",{shown}]");
        return records.Where(r => r.PatientId == patient || (r.Action == "R" && r.PatientId == null
            && (r.After!.Contains(only) || r.After.Contains(first) || r.After.Contains(middle) || r.After.Contains(last))));
    }

    /// <summary>The records in the order asked for; equal keys newest first, so that a page never repeats or skips one.</summary>
    public IOrderedQueryable<AuditRecord> Order(IQueryable<AuditRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var sort = Sort ?? DefaultSort;
        var descending = sort.StartsWith('-');
        var field = sort.TrimStart('-');
        var ordered = field switch
        {
            "sequence" => descending ? records.OrderByDescending(r => r.Sequence) : records.OrderBy(r => r.Sequence),
            "occurredAt" => descending ? records.OrderByDescending(r => r.OccurredAt) : records.OrderBy(r => r.OccurredAt),
            "definitionVersion" => descending ? records.OrderByDescending(r => r.DefinitionVersion) : records.OrderBy(r => r.DefinitionVersion),
            _ => descending ? records.OrderByDescending(TextFields[field]) : records.OrderBy(TextFields[field]),
        };
        return ordered.ThenByDescending(r => r.Sequence);
    }

    private static Expression<Func<AuditRecord, bool>> Equals(Expression<Func<AuditRecord, string?>> field, string value) =>
        Expression.Lambda<Func<AuditRecord, bool>>(
            Expression.Equal(field.Body, Expression.Constant(value, typeof(string))), field.Parameters);
}

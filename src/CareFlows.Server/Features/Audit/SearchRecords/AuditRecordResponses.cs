using System.Text.Json.Nodes;
using CareFlows.Server.Persistence.Entities;

namespace CareFlows.Server.Features.Audit.SearchRecords;

/// <summary>
/// One record of the audit log as a list shows it: its place in the chain, with the actor's id their display name
/// (or email) when the actor is a user CareFlows knows, and the reason stated (break-the-glass access).
/// </summary>
public sealed record AuditRecordSummary(
    long Sequence,
    DateTime OccurredAt,
    string ActorType,
    string? ActorId,
    string? ActorName,
    string Operation,
    string Action,
    string EntityType,
    string? EntityId,
    string? PatientId,
    string Outcome,
    string? ClientAddress,
    string? PurposeOfUse,
    string? Reason,
    string? CorrelationId,
    string? DefinitionId,
    int? DefinitionVersion,
    string? InstanceId);

/// <summary>One record whole: the summary's fields, the entity before and after, why, from which client, and its hashes.</summary>
public sealed record AuditRecordDetails(
    AuditRecordSummary Record,
    string? UserAgent,
    string? Reason,
    JsonNode? Before,
    JsonNode? After,
    string PreviousHash,
    string Hash);

/// <summary>One page of records matching an auditor's filters, with how many match in all.</summary>
public sealed record AuditRecordPage(IReadOnlyList<AuditRecordSummary> Items, int Total, int Page, int PageSize);

internal static class AuditRecordMapping
{
    public static AuditRecordSummary ToSummary(this AuditRecord r, IReadOnlyDictionary<string, string> names) => new(
        r.Sequence, r.OccurredAt, r.ActorType, r.ActorId, r.ActorId is { } id ? names.GetValueOrDefault(id) : null, r.Operation, r.Action, r.EntityType,
        r.EntityId, r.PatientId, r.Outcome, r.ClientAddress, r.PurposeOfUse, r.Reason, r.CorrelationId, r.DefinitionId, r.DefinitionVersion, r.InstanceId);

    public static AuditRecordDetails ToDetails(this AuditRecord r, IReadOnlyDictionary<string, string> names) => new(
        r.ToSummary(names), r.UserAgent, r.Reason, Parse(r.Before), Parse(r.After), r.PreviousHash, r.Hash);

    private static JsonNode? Parse(string? json) => json is null ? null : JsonNode.Parse(json);
}

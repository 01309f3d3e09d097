using System.Text.Json;
using System.Text.Json.Nodes;

namespace CareFlows.Server.Audit;

/// <summary>
/// What one audited request did to one entity: the operation (<c>task.complete</c>, <c>user.update</c> …), its FHIR
/// action code, the entity and its patient, and the entity's state before and after. Who did it comes from the
/// <see cref="AuditContext"/> the change is recorded under.
/// </summary>
public sealed record AuditChange(string Operation, string Action, string EntityType, string? EntityId)
{
    public string? PatientId { get; init; }

    /// <summary>The entity before the change (JSON): for updates and deletions.</summary>
    public JsonNode? Before { get; init; }

    /// <summary>The entity after the change (JSON): for creations and updates.</summary>
    public JsonNode? After { get; init; }

    public string? DefinitionId { get; init; }

    public int? DefinitionVersion { get; init; }

    public string? InstanceId { get; init; }

    /// <summary>Why, where the change itself says (break-the-glass access); else the context's.</summary>
    public string? PurposeOfUse { get; init; }

    /// <summary>The reason stated for the change (break-the-glass access); else the context's.</summary>
    public string? Reason { get; init; }

    /// <summary>An entity as the API shows it, for <see cref="Before"/> and <see cref="After"/>.</summary>
    public static JsonNode? Snapshot<T>(T value) => JsonSerializer.SerializeToNode(value, ApiJson);

    private static readonly JsonSerializerOptions ApiJson = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    /// <summary>The record of this change, made by <paramref name="context"/> at <paramref name="at"/>.</summary>
    public AuditEntry ToEntry(AuditContext context, DateTimeOffset at, string outcome = AuditOutcomes.Success)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new AuditEntry
        {
            OccurredAt = at,
            ActorType = context.ActorType,
            ActorId = context.ActorId,
            Operation = Operation,
            Action = Action,
            EntityType = EntityType,
            EntityId = EntityId,
            PatientId = PatientId,
            Before = Before?.ToJsonString(),
            After = After?.ToJsonString(),
            Outcome = outcome,
            ClientAddress = context.ClientAddress,
            UserAgent = context.UserAgent,
            PurposeOfUse = PurposeOfUse ?? context.PurposeOfUse,
            Reason = Reason ?? context.Reason,
            CorrelationId = context.CorrelationId,
            DefinitionId = DefinitionId,
            DefinitionVersion = DefinitionVersion,
            InstanceId = InstanceId ?? (EntityType == AuditEntityTypes.Instance ? EntityId : null),
        };
    }
}

using CareFlows.Server.Audit;
using CareFlows.Server.Persistence.Entities;
using Hl7.Fhir.Model;

namespace CareFlows.Server.Features.Audit.Export;

/// <summary>
/// Audit records as FHIR R4 <c>AuditEvent</c> resources (the shape ATNA and the IHE BALP profile give them): the REST
/// operation with CareFlows' operation as its subtype, the acting user or client with their address and purpose of
/// use, the entity acted on, and the patient. The entity's state before and after, and the record's place and hashes in
/// the chain, are the entity's details, so that an exported event can be checked against the log.
/// </summary>
public static class AuditEvents
{
    public const string OperationSystem = "https://careflows.org/fhir/CodeSystem/audit-operation";
    public const string ActorSystem = "https://careflows.org/fhir/NamingSystem/actor";
    public const string EntitySystem = "https://careflows.org/fhir/NamingSystem/entity";
    private const string EventTypeSystem = "http://terminology.hl7.org/CodeSystem/audit-event-type";
    private const string PurposeSystem = "http://terminology.hl7.org/CodeSystem/v3-ActReason";
    private const string ObjectRoleSystem = "http://terminology.hl7.org/CodeSystem/object-role";
    private const string EntityTypeSystem = "http://terminology.hl7.org/CodeSystem/audit-entity-type";

    public static AuditEvent ToAuditEvent(AuditRecord record, string? actorName)
    {
        ArgumentNullException.ThrowIfNull(record);
        var audit = new AuditEvent
        {
            Id = record.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Type = new Coding(EventTypeSystem, "rest", "RESTful Operation"),
            Subtype = [new Coding(OperationSystem, record.Operation)],
            Action = Enum.Parse<AuditEvent.AuditEventAction>(record.Action),
            Recorded = new DateTimeOffset(record.OccurredAt, TimeSpan.Zero),
            Outcome = record.Outcome == AuditOutcomes.Success ? AuditEvent.AuditEventOutcome.N0 : AuditEvent.AuditEventOutcome.N4,
            OutcomeDesc = record.Outcome == AuditOutcomes.Success ? null : "Refused: not signed in or not allowed.",
            Source = new AuditEvent.SourceComponent { Observer = new ResourceReference { Display = "CareFlows" } },
            Agent = [Agent(record, actorName)],
            Entity = [Entity(record)],
        };
        if (record.PatientId is { } patient)
        {
            audit.Entity.Add(new AuditEvent.EntityComponent
            {
                What = new ResourceReference(patient.Contains('/', StringComparison.Ordinal) ? patient : $"Patient/{patient}"),
                Type = new Coding(EntityTypeSystem, "1", "Person"),
                Role = new Coding(ObjectRoleSystem, "1", "Patient"),
            });
        }

        return audit;
    }

    private static AuditEvent.AgentComponent Agent(AuditRecord record, string? actorName)
    {
        var agent = new AuditEvent.AgentComponent
        {
            Type = new CodeableConcept(ActorSystem, record.ActorType),
            Who = new ResourceReference { Identifier = new Identifier(ActorSystem, record.ActorId ?? record.ActorType), Display = actorName },
            Requestor = true,
        };
        if (record.ClientAddress is { } address)
        {
            agent.Network = new AuditEvent.NetworkComponent { Address = address, Type = AuditEvent.AuditEventAgentNetworkType.N2 };
        }

        if (record.PurposeOfUse is { } purpose)
        {
            agent.PurposeOfUse = [new CodeableConcept(PurposeSystem, purpose)];
        }

        return agent;
    }

    private static AuditEvent.EntityComponent Entity(AuditRecord record)
    {
        var entity = new AuditEvent.EntityComponent
        {
            What = new ResourceReference { Identifier = new Identifier($"{EntitySystem}/{record.EntityType}", record.EntityId ?? ""), Display = record.EntityType },
            Type = new Coding(EntityTypeSystem, "2", "System Object"),
            Description = record.Reason,
        };
        foreach (var (type, value) in new[]
        {
            ("sequence", record.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("before", record.Before), ("after", record.After),
            ("instanceId", record.InstanceId), ("definitionId", record.DefinitionId),
            ("definitionVersion", record.DefinitionVersion?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("correlationId", record.CorrelationId), ("userAgent", record.UserAgent), ("previousHash", record.PreviousHash), ("hash", record.Hash),
        })
        {
            if (value is not null)
            {
                entity.Detail.Add(new AuditEvent.DetailComponent { Type = type, Value = new FhirString(value) });
            }
        }

        return entity;
    }
}

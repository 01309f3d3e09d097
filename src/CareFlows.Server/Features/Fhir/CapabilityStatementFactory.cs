using Hl7.Fhir.Model;

namespace CareFlows.Server.Features.Fhir;

/// <summary>
/// What this FHIR endpoint offers, as FHIR's own <c>CapabilityStatement</c> (GET /fhir/metadata), so that FHIR clients
/// and EHR integrations can discover it: read-only Task, read and search, with the search parameters
/// <see cref="TaskSearch"/> accepts.
/// </summary>
public static class CapabilityStatementFactory
{
    public static CapabilityStatement Create(string fhirBase, DateTimeOffset now) => new()
    {
        Status = PublicationStatus.Active,
        Date = now.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        Kind = CapabilityStatementKind.Instance,
        Software = new CapabilityStatement.SoftwareComponent { Name = "CareFlows" },
        Implementation = new CapabilityStatement.ImplementationComponent { Description = "CareFlows care coordination: the inbox's tasks", Url = fhirBase },
        FhirVersion = FHIRVersion.N4_0_1,
        Format = ["json"],
        Rest =
        [
            new CapabilityStatement.RestComponent
            {
                Mode = CapabilityStatement.RestfulCapabilityMode.Server,
                Documentation = "Signed-in users see the tasks the inbox shows them; errors are OperationOutcome resources.",
                Resource =
                [
                    new CapabilityStatement.ResourceComponent
                    {
                        Type = "Task",
                        Profile = "http://hl7.org/fhir/StructureDefinition/Task",
                        Interaction =
                        [
                            new CapabilityStatement.ResourceInteractionComponent { Code = CapabilityStatement.TypeRestfulInteraction.Read },
                            new CapabilityStatement.ResourceInteractionComponent { Code = CapabilityStatement.TypeRestfulInteraction.SearchType },
                        ],
                        ReadHistory = false,
                        SearchParam = [.. TaskSearch.Declared.Select(p => new CapabilityStatement.SearchParamComponent { Name = p.Name, Type = p.Type, Documentation = p.Documentation })],
                    },
                ],
            },
        ],
    };
}

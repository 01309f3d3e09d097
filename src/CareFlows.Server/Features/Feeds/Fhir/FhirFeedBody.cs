using System.Text.Json;
using CareFlows.Server.Features.Fhir;
using CareFlows.Server.Infrastructure;
using Hl7.Fhir.Serialization;
using Hl7.Fhir.Utility;
using Resource = Hl7.Fhir.Model.Resource;

namespace CareFlows.Server.Features.Feeds.Fhir;

/// <summary>
/// Reads the one FHIR R4 resource a feed request carries, strictly: JSON that is not the resource it should be is
/// refused with 400 and each problem keyed by its FHIR path (<c>Encounter.status</c>), as the FHIR parser reports it.
/// </summary>
internal static class FhirFeedBody
{
    public static readonly IReadOnlyList<string> MediaTypes = [FhirJson.MediaType, "application/json"];

    public static async Task<T> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken) where T : Resource
    {
        ArgumentNullException.ThrowIfNull(request);
        Resource? resource;
        try
        {
            resource = await JsonSerializer.DeserializeAsync<Resource>(request.Body, FhirJson.Options, cancellationToken);
        }
        catch (DeserializationFailedException e)
        {
            throw new MalformedRequestException(e.Exceptions
                .GroupBy(Path)
                .ToDictionary(g => g.Key, g => g.Select(Message).ToArray()));
        }
        catch (JsonException e)
        {
            throw new MalformedRequestException(new Dictionary<string, string[]> { ["$"] = [$"The body is not JSON: {e.Message}"] });
        }

        return resource as T ?? throw new MalformedRequestException(new Dictionary<string, string[]>
        {
            ["resourceType"] = [$"Send a {typeof(T).Name}, not {(resource is null ? "nothing" : "a " + resource.TypeName)}."],
        });
    }

    private static string Path(Exception e) => e is ExtendedCodedException { InstancePath: { Length: > 0 } path } ? path : "$";

    private static string Message(Exception e) => e is ExtendedCodedException coded ? coded.BaseErrorMessage : e.Message;
}

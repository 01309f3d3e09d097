using System.Text.Json;
using Hl7.Fhir.Serialization;
using ModelInfo = Hl7.Fhir.Model.ModelInfo;
using Resource = Hl7.Fhir.Model.Resource;

namespace CareFlows.Server.Features.Fhir;

/// <summary>FHIR's JSON format (Firely SDK's System.Text.Json converters for R4), and an answer that writes a resource in it.</summary>
public static class FhirJson
{
    /// <summary>The FHIR JSON media type, with which every /fhir answer is sent.</summary>
    public const string MediaType = "application/fhir+json";

    /// <summary>Serializes and parses R4 resources exactly as the specification's JSON format says (resourceType, choice types, primitives' extensions).</summary>
    public static readonly JsonSerializerOptions Options = new JsonSerializerOptions().ForFhir(ModelInfo.ModelInspector);

    /// <summary>Answers with <paramref name="resource"/> as FHIR JSON and the given status.</summary>
    public static IResult Result(Resource resource, int statusCode = StatusCodes.Status200OK) => new FhirResourceResult(resource, statusCode);

    public static Task WriteAsync(HttpResponse response, Resource resource)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.ContentType = $"{MediaType}; charset=utf-8";
        return JsonSerializer.SerializeAsync(response.Body, resource, resource.GetType(), Options, response.HttpContext.RequestAborted);
    }

    private sealed class FhirResourceResult(Resource resource, int statusCode) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            ArgumentNullException.ThrowIfNull(httpContext);
            httpContext.Response.StatusCode = statusCode;
            return WriteAsync(httpContext.Response, resource);
        }
    }
}

namespace CareFlows.Server.Features.Fhir;

public static class FhirServiceCollectionExtensions
{
    /// <summary>The FHIR API's services: turning tasks into resources, and problems under /fhir into OperationOutcomes.</summary>
    public static IServiceCollection AddCareFlowsFhir(this IServiceCollection services)
    {
        services.AddScoped<TaskResources>();
        // The problem-details service asks its writers in registration order and uses the first that accepts; the
        // OperationOutcome writer must come before the default one, which would accept every JSON-reading client.
        services.Insert(0, ServiceDescriptor.Singleton<IProblemDetailsWriter, OperationOutcomeWriter>());
        return services;
    }
}

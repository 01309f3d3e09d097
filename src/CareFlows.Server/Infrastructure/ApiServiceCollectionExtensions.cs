using System.Text.Json.Serialization;
using CareFlows.Server.Features.Definitions;
using FluentValidation;
using Scalar.AspNetCore;

namespace CareFlows.Server.Infrastructure;

public static class ApiServiceCollectionExtensions
{
    /// <summary>Mediator with validation and logging behaviours, problem details, JSON settings and OpenAPI.</summary>
    public static IServiceCollection AddCareFlowsApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration.GetSection(ApiOptions.Section).Get<ApiOptions>() ?? new ApiOptions());
        services.AddMediator(options =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.PipelineBehaviors = [typeof(LoggingBehavior<,>), typeof(ValidationBehavior<,>)];
        });
        services.AddValidatorsFromAssemblyContaining<ApiOptions>(
            ServiceLifetime.Singleton, filter: v => !v.ValidatorType.IsDefined(typeof(BuiltFromDataAttribute), inherit: false), includeInternalTypes: true);
        ApiFieldNames.UseForValidation();
        services.AddProblemDetails(o => o.CustomizeProblemDetails = c => c.ProblemDetails.Instance ??= c.HttpContext.Request.Path);
        services.AddExceptionHandler<ProblemExceptionHandler>();
        // Malformed bodies must reach the exception handler (with their JSON path), not end as a bare 400.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());

            // A property given twice is malformed input (400 with its path), not "the last one wins" or a 500.
            o.SerializerOptions.AllowDuplicateProperties = false;
            o.SerializerOptions.Converters.Add(new StrictJsonNodeConverter());
        });
        services.AddOpenApi(o =>
        {
            var security = new ApiDocumentSecurity();
            o.AddDocumentTransformer(security);
            o.AddOperationTransformer(security);
            var definitions = new DefinitionApiDocumentation();
            o.AddOperationTransformer(definitions);
            o.AddSchemaTransformer(definitions);
        });
        return services;
    }

    public static WebApplication UseCareFlowsApi(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRequestSizeLimit(app.Services.GetRequiredService<ApiOptions>().MaxRequestBodyBytes);
        return app;
    }

    /// <summary>
    /// The OpenAPI document at /openapi/v1.json and its interactive reference page at /scalar/v1, readable without
    /// signing in: they describe the API and hold no patient data. The page signs in with a bearer token.
    /// </summary>
    public static WebApplication MapApiReference(this WebApplication app)
    {
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference(o => o
                .WithTitle("CareFlows API")
                // A fresh nonce per page lets the page's own scripts run under its content security policy.
                .WithNonce()
                // Fonts would come from Scalar's CDN and telemetry would go to Scalar: the policy allows neither.
                .DisableDefaultFonts()
                .DisableTelemetry()
                .AddPreferredSecuritySchemes(ApiDocumentSecurity.Bearer))
            .AllowAnonymous();
        return app;
    }
}

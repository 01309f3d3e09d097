using CareFlows.Server.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CareFlows.Server.Infrastructure;

/// <summary>
/// Declares in the OpenAPI document how to sign in — a bearer token or the session cookie — and which operations need
/// it: every one but those that allow anonymous callers, such as sign-in itself.
/// </summary>
internal sealed class ApiDocumentSecurity : IOpenApiDocumentTransformer, IOpenApiOperationTransformer
{
    public const string Bearer = "Bearer";
    public const string Cookie = "Cookie";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[Bearer] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "The accessToken that POST /api/auth/login answers with (try it on this page, then paste the token here). "
                + "It lasts Auth:BearerTokenLifetime; POST /api/auth/refresh exchanges the refreshToken for a new one while the session lives.",
        };
        document.Components.SecuritySchemes[Cookie] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Cookie,
            Name = IdentityConstants.ApplicationScheme.Insert(0, ".AspNetCore."),
            Description = "The session cookie that POST /api/auth/login?useCookies=true sets. Every POST, PUT, PATCH and DELETE "
                + $"signed in with it also needs this server's Origin header and the {RequestForgeryGuard.HeaderName} header from GET /api/auth/antiforgery.",
        };
        return Task.CompletedTask;
    }

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<IAllowAnonymous>().Any())
        {
            return Task.CompletedTask;
        }

        operation.Security ??= [];
        operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Bearer, context.Document)] = [] });
        operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Cookie, context.Document)] = [] });
        return Task.CompletedTask;
    }
}

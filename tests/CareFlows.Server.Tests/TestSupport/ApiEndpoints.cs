using System.Text;
using CareFlows.Server.Auth;
using CareFlows.Server.Auth.Feeds;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace CareFlows.Server.Tests.TestSupport;

/// <summary>One API route and method the host maps, with what its metadata says about it.</summary>
public sealed record ApiEndpoint(string Method, RouteEndpoint Endpoint)
{
    public string Pattern => Endpoint.RoutePattern.RawText!;

    public string Name => $"{Method} {Pattern}";

    public bool AllowsAnonymous => Endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;

    /// <summary>Whether the handler binds a body (minimal APIs say so with accepts metadata).</summary>
    public bool TakesBody => Endpoint.Metadata.GetMetadata<IAcceptsMetadata>() is not null;

    public bool Writes => Method is "POST" or "PUT" or "PATCH" or "DELETE";

    /// <summary>The policies its authorization metadata names; a policy-less <c>[Authorize]</c> shows as null.</summary>
    public IEnumerable<string?> Policies => Endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(d => d.Policy);

    /// <summary>The route with each parameter filled by an id nothing has: a number where a constraint asks for one.</summary>
    public string PlaceholderUrl()
    {
        var url = new StringBuilder();
        foreach (var segment in Endpoint.RoutePattern.PathSegments)
        {
            url.Append('/');
            foreach (var part in segment.Parts)
            {
                url.Append(part switch
                {
                    RoutePatternLiteralPart literal => literal.Content,
                    RoutePatternSeparatorPart separator => separator.Content,
                    RoutePatternParameterPart parameter when parameter.ParameterPolicies.Any(p => p.Content is "int" or "long") => "987654321",
                    RoutePatternParameterPart => "no-such-id-" + Guid.NewGuid().ToString("N")[..8],
                    _ => "",
                });
            }
        }

        return url.ToString();
    }
}

/// <summary>The host's API endpoints (under /api and /fhir), read from its routing, and a client each one admits.</summary>
public static class ApiEndpoints
{
    public static List<ApiEndpoint> Of(CareFlowsApp app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return
        [
            .. app.Services.GetRequiredService<EndpointDataSource>().Endpoints
                .OfType<RouteEndpoint>()
                .Where(e => e.RoutePattern.RawText is { } raw && (raw.StartsWith("/api/", StringComparison.Ordinal) || raw.StartsWith("/fhir/", StringComparison.Ordinal)))
                .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [HttpMethods.Get, HttpMethods.Post])
                    .Select(method => new ApiEndpoint(method.ToUpperInvariant(), e)))
                .OrderBy(e => e.Name, StringComparer.Ordinal),
        ];
    }

    /// <summary>
    /// A client the endpoint lets past authorization, so that what follows is the handler's answer: the feed key holding
    /// its scope, a coordinator for break-the-glass, otherwise an administrator.
    /// </summary>
    public static async Task<HttpClient> AdmittedClientAsync(this CareFlowsApp app, ApiEndpoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(endpoint);
        var policies = endpoint.Policies.ToList();
        if (policies.Contains(FeedScopes.Policy(FeedScopes.PayerDecisions)))
        {
            return app.FeedClient(FeedClientOptions.DemoPayerKey);
        }

        if (policies.Contains(FeedScopes.Policy(FeedScopes.Referrals)))
        {
            return app.FeedClient(FeedClientOptions.DemoReferralKey);
        }

        if (policies.Any(p => p?.StartsWith(FeedScopes.Policy(""), StringComparison.Ordinal) == true))
        {
            return app.FeedClient(FeedClientOptions.DemoAdtKey);
        }

        return await app.ClientAsync(policies.Contains(Server.Auth.Policies.BreakGlass) ? Roles.Coordinator : Roles.Admin);
    }
}

using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;

namespace CareFlows.Server.Tests.TestSupport;

/// <summary>The query and header parameters a minimal API handler binds, by the names requests use.</summary>
public static class HandlerParameters
{
    public static IEnumerable<(string Name, string Source)> Of(RouteEndpoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        if (endpoint.Metadata.GetMetadata<MethodInfo>() is not { } handler)
        {
            yield break;
        }

        foreach (var parameter in handler.GetParameters())
        {
            var candidates = parameter.IsDefined(typeof(AsParametersAttribute))
                ? parameter.ParameterType.GetConstructors().Single().GetParameters()
                : [parameter];
            foreach (var candidate in candidates)
            {
                var attributes = candidate.GetCustomAttributes(inherit: true);
                if (attributes.OfType<IFromHeaderMetadata>().FirstOrDefault() is { } header)
                {
                    yield return (header.Name ?? candidate.Name!, "header");
                }
                else if (attributes.OfType<IFromQueryMetadata>().FirstOrDefault() is { } query)
                {
                    yield return (query.Name ?? candidate.Name!, "query");
                }
                else if (IsSimple(candidate.ParameterType) && endpoint.RoutePattern.GetParameter(candidate.Name!) is null && !attributes.OfType<IFromRouteMetadata>().Any())
                {
                    yield return (candidate.Name!, "query");
                }
            }
        }
    }

    private static bool IsSimple(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(DateTime)
            || type == typeof(DateTimeOffset) || type == typeof(TimeSpan) || type == typeof(Guid);
    }
}

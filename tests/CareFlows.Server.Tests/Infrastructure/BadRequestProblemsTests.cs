using System.Reflection;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;
using CareFlows.Server.Auth;
using CareFlows.Server.Tests.TestSupport;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace CareFlows.Server.Tests.Infrastructure;

/// <summary>
/// Every endpoint the host maps, sent malformed bodies, query values and headers: none may answer 500, every refusal
/// is a problem in plain words, and a 400 or 422 names each field at fault by JSON path or by the parameter's name.
/// </summary>
public sealed partial class BadRequestProblemsTests(SqliteApp app) : AppTests(app), IClassFixture<SqliteApp>
{
    private static readonly string[] Bodies = ["", "null", "[]", "\"x\"", "5", "true", "{", "[1, 2", """{"a": }""", """{"a": 1, "a": 2}""", "{} x"];
    private static readonly string[] QueryValues = ["x", "", " ", "99999999999999999999", "-1", "1.5", "2026-02-30T25:00:00Z", "true"];
    private static readonly JsonNode?[] MemberValues = [new JsonArray(1), new JsonObject { ["a"] = 1 }, "x", 1.5, -1, true, null, new string('x', 300)];

    [Fact]
    public async Task Every_endpoint_answers_malformed_input_with_a_plain_problem_and_never_a_500()
    {
        var client = await App.ClientAsync(Roles.Admin);
        var requests = App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(MalformedRequests)
            .OrderBy(r => r.Url.Contains("/logout", StringComparison.Ordinal)) // signing out last keeps the token for the others
            .ToList();

        var failures = new List<string>();
        foreach (var request in requests)
        {
            using var message = request.ToMessage();
            using var response = await client.SendAsync(message, TestContext.Current.CancellationToken);
            var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            failures.AddRange(Faults(response, body, request.Names).Select(f => $"{request}: {f} {body}"));
        }

        Assert.True(requests.Count > 300, $"Only {requests.Count} requests were made.");
        Assert.Empty(failures);
    }

    private static IEnumerable<string> Faults(HttpResponseMessage response, string body, IReadOnlySet<string> names)
    {
        var status = (int)response.StatusCode;
        if (status >= 500)
        {
            yield return $"answered {status}";
        }

        if (status < 400 || body.Length == 0)
        {
            yield break;
        }

        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            yield return $"answered {status} with {response.Content.Headers.ContentType}";
            yield break;
        }

        foreach (var internals in PlainProblems.InternalsIn(body))
        {
            yield return $"shows '{internals}'";
        }

        var errors = JsonNode.Parse(body)!["errors"]?.AsObject();
        if (status is 400 or 422 && errors is not { Count: > 0 })
        {
            yield return $"answered {status} without naming a field";
        }

        foreach (var key in errors?.Select(e => e.Key) ?? [])
        {
            if (!key.StartsWith('$') && !names.Contains(key))
            {
                yield return $"keys an error '{key}', neither a JSON path nor one of its parameters";
            }
        }
    }

    private IEnumerable<MalformedRequest> MalformedRequests(RouteEndpoint endpoint)
    {
        var handler = endpoint.Metadata.GetMetadata<MethodInfo>();
        var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"];
        if (handler is null)
        {
            yield break;
        }

        var route = RouteParameter().Replace(endpoint.RoutePattern.RawText ?? "/", m => m.Groups["constraint"].Value.Contains("int", StringComparison.Ordinal) ? "1" : "x");
        var parameters = HandlerParameters.Of(endpoint).ToList();
        var names = parameters.Select(p => p.Name).Concat(endpoint.RoutePattern.Parameters.Select(p => p.Name)).ToHashSet(StringComparer.Ordinal);
        foreach (var method in methods)
        {
            foreach (var (name, source) in parameters)
            {
                foreach (var value in QueryValues)
                {
                    yield return source == "header"
                        ? new MalformedRequest(method, route, names) { Header = (name, value) }
                        : new MalformedRequest(method, $"{route}?{Uri.EscapeDataString(name)}={Uri.EscapeDataString(value)}", names);
                }
            }

            if (method is "POST" or "PUT" or "PATCH")
            {
                foreach (var body in Bodies.Concat(MemberBodies(endpoint)))
                {
                    yield return new MalformedRequest(method, route, names) { Body = body };
                }

                yield return new MalformedRequest(method, route, names) { Body = "{}", ContentType = "text/plain" };
            }
        }
    }

    // Every member of the body type, in turn, holding a value of every JSON kind.
    private IEnumerable<string> MemberBodies(Endpoint endpoint)
    {
        var options = App.Services.GetRequiredService<IOptions<HttpJsonOptions>>().Value.SerializerOptions;
        if (endpoint.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType is not { } type || options.GetTypeInfo(type) is not { Kind: JsonTypeInfoKind.Object } info)
        {
            return [];
        }

        return info.Properties.SelectMany(p => MemberValues.Select(v => new JsonObject { [p.Name] = v?.DeepClone() }.ToJsonString()));
    }

    [GeneratedRegex(@"\{\**(?<name>[^}:=?]+)(?<constraint>[^}]*)\}")]
    private static partial Regex RouteParameter();

    private sealed record MalformedRequest(string Method, string Url, IReadOnlySet<string> Names)
    {
        public string? Body { get; init; }

        public string ContentType { get; init; } = "application/json";

        public (string Name, string Value)? Header { get; init; }

        public HttpRequestMessage ToMessage()
        {
            var message = new HttpRequestMessage(new HttpMethod(Method), Url);
            if (Body is not null)
            {
                message.Content = new StringContent(Body, Encoding.UTF8, ContentType);
            }

            if (Header is var (name, value))
            {
                message.Headers.TryAddWithoutValidation(name, value);
            }

            return message;
        }

        public override string ToString() => $"{Method} {Url}{(Header is var (n, v) ? $" [{n}: '{v}']" : "")}{(Body is null ? "" : $" <{ContentType}> {Body}")}";
    }
}

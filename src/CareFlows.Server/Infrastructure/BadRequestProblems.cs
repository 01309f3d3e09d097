using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace CareFlows.Server.Infrastructure;

/// <summary>
/// Malformed requests as 400 problems with every field at fault in <c>errors</c>, keyed as validation errors are: a
/// body member by its JSON path (the first one also as <c>jsonPath</c>), a query, route or header value by its name.
/// What minimal APIs throw when they cannot bind a request names .NET types, so its text is never passed on; the
/// field and what it must hold are worked out from the endpoint's handler and body type instead.
/// </summary>
internal static partial class BadRequestProblems
{
    private const string BodyTitle = "The request body is not valid JSON for this endpoint.";
    private const string ParameterTitle = "A request parameter is not valid.";

    /// <summary>A 400 about the body, listing every error by JSON path.</summary>
    public static ValidationProblemDetails Body(IReadOnlyDictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var problem = new ValidationProblemDetails(errors.ToDictionary())
        {
            Status = StatusCodes.Status400BadRequest,
            Title = BodyTitle,
            Detail = string.Join(" ", errors.Values.SelectMany(m => m)),
        };
        problem.Extensions["jsonPath"] = errors.Keys.First();
        return problem;
    }

    /// <summary>A 400 about query parameters, listing every error by the parameter's name.</summary>
    public static ValidationProblemDetails Query(IReadOnlyDictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return new ValidationProblemDetails(errors.ToDictionary())
        {
            Status = StatusCodes.Status400BadRequest,
            Title = ParameterTitle,
            Detail = string.Join(" ", errors.Values.SelectMany(m => m)),
        };
    }

    public static ValidationProblemDetails Body(string jsonPath, string message) => Body(new Dictionary<string, string[]> { [jsonPath] = [message] });

    /// <summary>What the endpoint could not bind: the body, or a query, route or header value.</summary>
    public static ProblemDetails From(BadHttpRequestException exception, HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentNullException.ThrowIfNull(context);
        if (exception.InnerException is JsonException json)
        {
            return From(json, context);
        }

        // The framework names the parameter only in its message, whose wording is fixed (RequestDelegateFactory's log
        // messages); a message that does not match any of them still gets a plain answer below.
        var message = exception.Message;
        if (MissingBody().IsMatch(message))
        {
            return Body("$", "A JSON body is required.");
        }

        if (NotProvided().Match(message) is { Success: true } missing)
        {
            return Parameter(context, missing.Groups["name"].Value, _ => "is required");
        }

        if (BindingFailed().Match(message) is { Success: true } failed)
        {
            return Parameter(context, failed.Groups["name"].Value, type => $"must be {ExpectedValues.Describe(type) ?? "a valid value"}");
        }

        return exception.StatusCode switch
        {
            StatusCodes.Status413PayloadTooLarge => Plain(exception.StatusCode, "The request body is too large."),
            StatusCodes.Status415UnsupportedMediaType => Plain(exception.StatusCode, "The body must be JSON, sent with the content type application/json."),
            _ => Plain(exception.StatusCode, "The request could not be read."),
        };
    }

    /// <summary>A body that is not JSON, or not JSON of the shape the endpoint reads.</summary>
    public static ValidationProblemDetails From(JsonException exception, HttpContext? context)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var path = exception.Path ?? "$";
        if (exception is DuplicateJsonPropertyException)
        {
            return Body(path, exception.Message);
        }

        if (exception.InnerException is JsonException)
        {
            var where = exception.LineNumber is { } line && exception.BytePositionInLine is { } position ? $" at line {line + 1}, position {position + 1}" : "";
            return Body(path, $"The body is not valid JSON{where}.");
        }

        var expected = BodyType(context) is { } root && ExpectedValues.AtPath(root, path, JsonOptions(context!)) is { } type
            ? ExpectedValues.Describe(type)
            : null;
        var field = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;
        return Body(path, (path, expected) switch
        {
            ("$", _) => $"The body must be {expected ?? "JSON of the shape this endpoint reads"}.",
            (_, null) => $"'{field}' does not hold a value that can be read here.",
            _ => $"'{field}' must be {expected}, given once.",
        });
    }

    private static ProblemDetails Parameter(HttpContext context, string declaredName, Func<Type, string> requirement)
    {
        if (FindParameter(context, declaredName) is not var (name, type))
        {
            return Plain(StatusCodes.Status400BadRequest, "A query, route or header value is not valid.");
        }

        var message = $"'{name}' {requirement(type)}.";
        return new ValidationProblemDetails(new Dictionary<string, string[]> { [name] = [message] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = ParameterTitle,
            Detail = message,
        };
    }

    // The handler parameter the framework names, or the member of an [AsParameters] parameter it names.
    private static (string Name, Type Type)? FindParameter(HttpContext context, string declaredName)
    {
        foreach (var parameter in Endpoint(context)?.Metadata.GetMetadata<MethodInfo>()?.GetParameters() ?? [])
        {
            if (parameter.Name == declaredName)
            {
                return (ApiFieldNames.Name(parameter) ?? declaredName, parameter.ParameterType);
            }

            if (parameter.IsDefined(typeof(AsParametersAttribute)) && parameter.ParameterType.GetProperty(declaredName) is { } member)
            {
                return (ApiFieldNames.Name(member), member.PropertyType);
            }
        }

        return null;
    }

    private static Type? BodyType(HttpContext? context) => context is null ? null : Endpoint(context)?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;

    // The exception handler takes the endpoint off the request before it runs, keeping it in its feature.
    private static Endpoint? Endpoint(HttpContext context) => context.Features.Get<IExceptionHandlerFeature>()?.Endpoint ?? context.GetEndpoint();

    private static JsonSerializerOptions JsonOptions(HttpContext context) =>
        context.RequestServices.GetRequiredService<IOptions<HttpJsonOptions>>().Value.SerializerOptions;

    private static ProblemDetails Plain(int status, string detail) => new() { Status = status, Detail = detail };

    [GeneratedRegex("""^(Implicit body inferred for parameter "[^"]+" but no body was provided|Required parameter "[^"]+" was not provided from body\.)""")]
    private static partial Regex MissingBody();

    [GeneratedRegex("""^Required parameter "(?:[^"]* )?(?<name>[^" ]+)" was not provided from """)]
    private static partial Regex NotProvided();

    [GeneratedRegex("""^Failed to bind parameter "(?:[^"]* )?(?<name>[^" ]+)" from """)]
    private static partial Regex BindingFailed();
}

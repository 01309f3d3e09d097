namespace CareFlows.Server.Infrastructure;

/// <summary>The request names something that does not exist (404).</summary>
public sealed class NotFoundException(string message) : Exception(message);

/// <summary>The user may not do this to this resource (403).</summary>
public sealed class ForbiddenException(string message) : Exception(message);

/// <summary>The request cannot be applied to the current state (409).</summary>
public sealed class ConflictException(string message) : Exception(message);

/// <summary>The request is well-formed but refused by a rule (422); <see cref="Errors"/> name the fields at fault.</summary>
public sealed class UnprocessableException(string message, IReadOnlyDictionary<string, string[]>? errors = null) : Exception(message)
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors ?? new Dictionary<string, string[]>();
}

/// <summary>The request body does not have the shape the endpoint reads (400); <see cref="Errors"/> are keyed by JSON path.</summary>
public sealed class MalformedRequestException(IReadOnlyDictionary<string, string[]> errors)
    : Exception(string.Join(" ", errors.Values.SelectMany(m => m)))
{
    public IReadOnlyDictionary<string, string[]> Errors => errors;
}

/// <summary>
/// Query parameters the endpoint does not know or cannot read, where the endpoint reads its query string itself (400);
/// <see cref="Errors"/> are keyed by the parameter's name as the request spells it.
/// </summary>
public sealed class InvalidQueryException(IReadOnlyDictionary<string, string[]> errors)
    : Exception(string.Join(" ", errors.Values.SelectMany(m => m)))
{
    public IReadOnlyDictionary<string, string[]> Errors => errors;
}

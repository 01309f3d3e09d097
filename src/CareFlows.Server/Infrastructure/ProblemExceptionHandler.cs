using System.Text.Json;
using CareFlows.Engine.Definitions.Serialization;
using CareFlows.Engine.Execution;
using CareFlows.Server.Features.Definitions;
using CareFlows.Server.Runtime;
using FluentValidation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace CareFlows.Server.Infrastructure;

/// <summary>
/// Turns every known failure into RFC 7807 problem details, so endpoints hold no try/catch: malformed input 400,
/// unknown id 404, conflict 409, too large 413, validation 422. Errors are listed by field: body members by JSON path
/// (<c>$.definitionId</c>), query, route and header values by name (<see cref="ApiFieldNames"/>).
/// </summary>
internal sealed class ProblemExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var details = ToProblem(exception, httpContext);
        if (details is null)
        {
            return false;
        }

        httpContext.Response.StatusCode = details.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = details, Exception = exception });
    }

    internal static ProblemDetails? ToProblem(Exception exception, HttpContext httpContext) => exception switch
    {
        ValidationException e => Validation("The request is invalid.", ValidationErrors.ByPath(e.Errors)),
        DefinitionInvalidException e => Validation(
            "The workflow definition is invalid.",
            e.Report.Errors.GroupBy(p => p.Path).ToDictionary(g => g.Key, g => g.Select(p => $"{p.Code}: {p.Message}").ToArray())),
        UnprocessableException e => Validation(e.Message, e.Errors.ToDictionary()),
        WorkflowCannotRunException e => Validation(
            "The workflow cannot run.",
            e.Errors.GroupBy(c => c.Path).ToDictionary(g => g.Key, g => g.Select(c => c.Message).ToArray())),
        WorkflowDefinitionFormatException e => BadRequestProblems.Body(e.JsonPath, e.Reason),
        MalformedRequestException e => BadRequestProblems.Body(e.Errors),
        InvalidQueryException e => BadRequestProblems.Query(e.Errors),
        BadHttpRequestException e => BadRequestProblems.From(e, httpContext),
        JsonException e => BadRequestProblems.From(e, httpContext),
        NotFoundException e => Problem(StatusCodes.Status404NotFound, e.Message),
        ForbiddenException e => Problem(StatusCodes.Status403Forbidden, e.Message),
        ConflictException e => Problem(StatusCodes.Status409Conflict, e.Message),
        InstanceConflictException e => Problem(StatusCodes.Status409Conflict, e.Message),
        IdempotencyConflictException e => Problem(StatusCodes.Status409Conflict, e.Message),
        RuntimeStoppingException e => Problem(StatusCodes.Status503ServiceUnavailable, e.Message),
        _ => null,
    };

    private static ProblemDetails Problem(int status, string detail) => new() { Status = status, Detail = detail };

    private static ValidationProblemDetails Validation(string detail, IDictionary<string, string[]> errors) => new(errors)
    {
        Status = StatusCodes.Status422UnprocessableEntity,
        Detail = detail,
    };
}

using Hl7.Fhir.Model;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace CareFlows.Server.Features.Fhir;

/// <summary>
/// Writes every problem under /fhir — refused sign-in or role (401, 403, from the authorization middleware), an unknown
/// id, a task not the user's, a search parameter the server does not know — as a FHIR <c>OperationOutcome</c> with the
/// same HTTP status, since FHIR clients read errors only in that shape. The rest of the API keeps problem details.
/// </summary>
internal sealed class OperationOutcomeWriter : IProblemDetailsWriter
{
    public const string PathPrefix = "/fhir";

    public bool CanWrite(ProblemDetailsContext context) => context.HttpContext.Request.Path.StartsWithSegments(PathPrefix);

    public ValueTask WriteAsync(ProblemDetailsContext context) =>
        new(FhirJson.WriteAsync(context.HttpContext.Response, ToOutcome(context.ProblemDetails, context.HttpContext.Response.StatusCode)));

    /// <summary>One issue per field error (its parameter as the expression), or one for the whole problem.</summary>
    public static OperationOutcome ToOutcome(ProblemDetails problem, int responseStatus)
    {
        var status = problem.Status ?? responseStatus;
        var code = IssueCode(status);
        var severity = status >= 500 ? OperationOutcome.IssueSeverity.Fatal : OperationOutcome.IssueSeverity.Error;
        var errors = problem is HttpValidationProblemDetails validation ? validation.Errors : new Dictionary<string, string[]>();
        var issues = errors.SelectMany(e => e.Value.Select(message => new OperationOutcome.IssueComponent
        {
            Severity = severity,
            Code = code,
            Diagnostics = message,
            Expression = [e.Key],
        })).ToList();
        if (issues.Count == 0)
        {
            issues.Add(new OperationOutcome.IssueComponent { Severity = severity, Code = code, Diagnostics = problem.Detail ?? problem.Title ?? ReasonPhrases.GetReasonPhrase(status) });
        }

        return new OperationOutcome { Issue = issues };
    }

    private static OperationOutcome.IssueType IssueCode(int status) => status switch
    {
        StatusCodes.Status400BadRequest or StatusCodes.Status422UnprocessableEntity => OperationOutcome.IssueType.Invalid,
        StatusCodes.Status401Unauthorized => OperationOutcome.IssueType.Login,
        StatusCodes.Status403Forbidden => OperationOutcome.IssueType.Forbidden,
        StatusCodes.Status404NotFound => OperationOutcome.IssueType.NotFound,
        StatusCodes.Status406NotAcceptable or StatusCodes.Status415UnsupportedMediaType => OperationOutcome.IssueType.NotSupported,
        StatusCodes.Status409Conflict => OperationOutcome.IssueType.Conflict,
        StatusCodes.Status429TooManyRequests => OperationOutcome.IssueType.Throttled,
        _ when status >= 500 => OperationOutcome.IssueType.Exception,
        _ => OperationOutcome.IssueType.Processing,
    };
}

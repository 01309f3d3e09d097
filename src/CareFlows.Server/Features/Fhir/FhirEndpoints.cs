using System.Globalization;
using System.Security.Claims;
using CareFlows.Server.Auth;
using CareFlows.Server.Features.Tasks;
using CareFlows.Server.Inbox;
using CareFlows.Server.Infrastructure;
using CareFlows.Server.Persistence;
using CareFlows.Server.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace CareFlows.Server.Features.Fhir;

/// <summary>
/// The inbox's tasks as FHIR R4 <c>Task</c> resources, read-only, so that EHRs and FHIR tools can read the worklist: a
/// read by id and a search. Who sees which task is <see cref="TaskAccess"/>'s to say, exactly as in /api/tasks; every
/// error is an <c>OperationOutcome</c> (<see cref="OperationOutcomeWriter"/>).
/// </summary>
public static class FhirEndpoints
{
    public static IEndpointRouteBuilder MapFhir(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup(OperationOutcomeWriter.PathPrefix).WithTags("FHIR").RequireAuthorization(Policies.Inbox);
        group.MapGet("/metadata", Metadata).AllowAnonymous().WithName("FhirCapabilityStatement")
            .WithSummary("What this FHIR endpoint offers, as a CapabilityStatement; readable without signing in.")
            .ProducesFhir(StatusCodes.Status200OK);
        group.MapGet("/Task", SearchTasks).WithName("SearchFhirTasks")
            .WithSummary("Searches the tasks the user may see, as a FHIR searchset Bundle: _id, status, priority, owner, owner:missing, patient/subject (:identifier for the MRN), business-status, performer (team), _sort, _count, _page.")
            .ProducesFhir(StatusCodes.Status200OK, StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden);
        group.MapGet("/Task/{id}", ReadTask).WithName("ReadFhirTask")
            .WithSummary("Reads a task as a FHIR Task.")
            .ProducesFhir(StatusCodes.Status200OK, StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);
        return routes;
    }

    public static IResult Metadata(HttpRequest request, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(clock);
        return FhirJson.Result(CapabilityStatementFactory.Create(FhirBase(request), clock.GetUtcNow()));
    }

    public static async Task<IResult> ReadTask(
        string id, HttpContext http, TaskActors actors, WorkflowRuntime runtime, TaskResources resources, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        TaskSearch.RequireJsonFormat(http.Request.Query);
        var (task, _, _) = await TasksEndpoints.ReadableAsync(id, http, actors, runtime, cancellationToken);
        var resource = (await resources.ToResourcesAsync([task], cancellationToken))[0];
        var headers = http.Response.GetTypedHeaders();
        headers.ETag = new EntityTagHeaderValue($"\"{task.Revision.ToString(CultureInfo.InvariantCulture)}\"", isWeak: true);
        headers.LastModified = resource.Meta?.LastUpdated;
        await runtime.RecordAsync(ReadAuditing.Read("fhir.task.read", "task", task.Id, http, task.PatientId) with { InstanceId = task.InstanceId }, cancellationToken);
        return FhirJson.Result(resource);
    }

    public static async Task<IResult> SearchTasks(
        HttpRequest request, ClaimsPrincipal user, TaskActors actors, CareFlowsDbContext db, TaskResources resources, WorkflowRuntime runtime, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var search = TaskSearch.Parse(request.Query, lenient: PrefersLenientHandling(request));
        var actor = await actors.OfAsync(user, cancellationToken);
        var matching = search.Apply(TaskAccess.Readable(actor, db.Tasks.AsNoTracking(), db.TaskTeams), db.TaskTeams);
        var total = await matching.CountAsync(cancellationToken);
        var page = search.Count == 0 ? [] : await matching.Skip((search.Page - 1) * search.Count).Take(search.Count).ToListAsync(cancellationToken);
        var tasks = await resources.ToResourcesAsync(page, cancellationToken);
        await runtime.RecordAsync(
            ReadAuditing.Read("fhir.task.search", "task", null, request.HttpContext, found: ReadAuditing.Found(total, page.Select(t => t.PatientId))), cancellationToken);
        return FhirJson.Result(SearchBundle.Create(FhirBase(request), "Task", search, total, tasks, clock.GetUtcNow()));
    }

    /// <summary>The absolute base of the FHIR API as the client reached it, for full URLs and paging links.</summary>
    private static string FhirBase(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}{OperationOutcomeWriter.PathPrefix}";

    /// <summary>FHIR's <c>Prefer: handling=lenient</c>: unknown search parameters are ignored instead of refused.</summary>
    private static bool PrefersLenientHandling(HttpRequest request) =>
        request.Headers["Prefer"].Any(p => p?.Split(',', ';').Any(v => v.Trim().Equals("handling=lenient", StringComparison.OrdinalIgnoreCase)) == true);

    private static RouteHandlerBuilder ProducesFhir(this RouteHandlerBuilder builder, params int[] statusCodes)
    {
        foreach (var status in statusCodes)
        {
            builder = builder.Produces(status, contentType: FhirJson.MediaType);
        }

        return builder;
    }
}

using CareFlows.Server.Audit;
using CareFlows.Server.Auth;
using CareFlows.Server.Features.Audit.Export;
using CareFlows.Server.Features.Audit.SearchRecords;
using CareFlows.Server.Features.Audit.Timeline;
using CareFlows.Server.Features.Fhir;
using CareFlows.Server.Infrastructure;
using CareFlows.Server.Persistence;
using CareFlows.Server.Persistence.Configurations;
using CareFlows.Server.Runtime;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Bundle = Hl7.Fhir.Model.Bundle;
using Meta = Hl7.Fhir.Model.Meta;

namespace CareFlows.Server.Features.Audit;

/// <summary>
/// The audit log for those who review it: auditors and admins search it, read a record whole, export it as CSV or FHIR
/// AuditEvent resources, follow an instance's or a patient's whole history, and verify the chain. Nobody can change or
/// delete a record: there is no endpoint for it. Reading the log is itself recorded.
/// </summary>
public static class AuditEndpoints
{
    private const string AuditEntity = "audit-log";

    /// <summary>The most AuditEvent resources one FHIR export page holds.</summary>
    public const int MaxFhirPageSize = 1000;

    public static IEndpointRouteBuilder MapAudit(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/audit").WithTags("Audit").RequireAuthorization(Policies.AuditRead)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapGet("/records", Search).WithName("SearchAuditRecords")
            .WithSummary("Searches the audit log by time, actor, patient, entity, instance, definition, operation, action, outcome and correlation id; sorted by any field and paged.")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status422UnprocessableEntity)
            .AuditsReads<AuditRecordPage>((context, page) => ReadAuditing.Read("audit.search", AuditEntity, null, context, found: ReadAuditing.Found(page.Total, [])));
        group.MapGet("/records/{sequence:long}", Get).WithName("GetAuditRecord")
            .WithSummary("One record whole: who, what, when, from where and why, the entity before and after, and its hashes.")
            .ProducesProblems(StatusCodes.Status404NotFound)
            .AuditsReads<AuditRecordDetails>((context, details) =>
                ReadAuditing.Read("audit.read", AuditEntity, details.Record.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture), context, details.Record.PatientId));
        group.MapGet("/export.csv", ExportCsv).WithName("ExportAuditRecordsCsv")
            .WithSummary("Every record matching the search's filters, oldest first, as CSV with every field and both hashes.")
            .Produces(StatusCodes.Status200OK, contentType: AuditCsv.MediaType)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status422UnprocessableEntity);
        group.MapGet("/export.fhir", ExportFhir).WithName("ExportAuditEvents")
            .WithSummary($"The records matching the search's filters as a FHIR R4 Bundle of AuditEvent resources, a page (at most {MaxFhirPageSize}) at a time, with a link to the next.")
            .Produces(StatusCodes.Status200OK, contentType: FhirJson.MediaType)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status422UnprocessableEntity);
        group.MapGet("/instances/{instanceId}/timeline", InstanceTimeline).WithName("GetInstanceTimeline")
            .WithSummary("Everything that happened to an instance, in time order: its journal, its tasks' history and its audit records.")
            .ProducesProblems(StatusCodes.Status404NotFound)
            .AuditsReads<TimelineResponse>((context, timeline) => ReadAuditing.Read("instance.read-timeline", AuditEntityTypes.Instance, timeline.Subject, context));
        group.MapGet("/patients/timeline", PatientTimeline).WithName("GetPatientTimeline")
            .WithSummary("Everything that happened for a patient (`patient`: their id as tasks name it, e.g. Patient/123, or their MRN), in time order: the journals and task histories of their pathways, and every audit record naming them (who read or changed what).")
            .ProducesProblems(StatusCodes.Status422UnprocessableEntity)
            .AuditsReads<TimelineResponse>((context, timeline) => ReadAuditing.Read("patient.read-timeline", "patient", timeline.Subject, context, timeline.Subject));
        group.MapGet("/verify", Verify).WithName("VerifyAuditLog")
            .WithSummary("Replays the audit chain from its first record and names the first record that was changed, moved or removed.");
        return routes;
    }

    public static async Task<Ok<AuditRecordPage>> Search(
        [AsParameters] AuditRecordsQuery query, IValidator<AuditRecordsQuery> validator, CareFlowsDbContext db, CancellationToken cancellationToken)
    {
        await validator.ValidateAndThrowAsync(query, cancellationToken);
        var matching = query.Filter(db.AuditRecords.AsNoTracking());
        var total = await matching.CountAsync(cancellationToken);
        var records = await query.Order(matching).Skip((query.PageNumber - 1) * query.Size).Take(query.Size).ToListAsync(cancellationToken);
        var names = await AuditActorNames.OfAsync(db, records, cancellationToken);
        return TypedResults.Ok(new AuditRecordPage([.. records.Select(r => r.ToSummary(names))], total, query.PageNumber, query.Size));
    }

    public static async Task<Ok<AuditRecordDetails>> Get(long sequence, CareFlowsDbContext db, CancellationToken cancellationToken)
    {
        var record = await db.AuditRecords.AsNoTracking().SingleOrDefaultAsync(r => r.Sequence == sequence, cancellationToken)
            ?? throw new NotFoundException($"The audit log has no record {sequence}.");
        return TypedResults.Ok(record.ToDetails(await AuditActorNames.OfAsync(db, [record], cancellationToken)));
    }

    /// <summary>Recorded before it streams: an export may be cut short by the client, but it was asked for.</summary>
    public static async Task ExportCsv(
        [AsParameters] AuditRecordsQuery query, IValidator<AuditRecordsQuery> validator, CareFlowsDbContext db, WorkflowRuntime runtime, HttpContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        await validator.ValidateAndThrowAsync(query, cancellationToken);
        await runtime.RecordAsync(ReadAuditing.Read("audit.export-csv", AuditEntity, null, context), cancellationToken);
        var names = await db.Users.AsNoTracking().Select(u => new { u.Id, Name = u.DisplayName ?? u.Email ?? u.Id }).ToDictionaryAsync(u => u.Id, u => u.Name, cancellationToken);
        context.Response.ContentType = $"{AuditCsv.MediaType}; charset=utf-8";
        context.Response.Headers.ContentDisposition = "attachment; filename=\"careflows-audit.csv\"";
        var records = query.Filter(db.AuditRecords.AsNoTracking()).OrderBy(r => r.Sequence).AsAsyncEnumerable();
        await AuditCsv.WriteAsync(context.Response.Body, records, names, cancellationToken);
    }

    public static async Task<IResult> ExportFhir(
        [AsParameters] AuditRecordsQuery query, IValidator<AuditRecordsQuery> validator, CareFlowsDbContext db, WorkflowRuntime runtime, HttpContext context, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        await validator.ValidateAndThrowAsync(query, cancellationToken);
        if (query.Size > MaxFhirPageSize)
        {
            throw new UnprocessableException("The page is too large.", new Dictionary<string, string[]> { ["pageSize"] = [$"'pageSize' must be at most {MaxFhirPageSize} for a FHIR export."] });
        }

        var matching = query.Filter(db.AuditRecords.AsNoTracking());
        var total = await matching.CountAsync(cancellationToken);
        var records = await matching.OrderBy(r => r.Sequence).Skip((query.PageNumber - 1) * query.Size).Take(query.Size).ToListAsync(cancellationToken);
        var names = await AuditActorNames.OfAsync(db, records, cancellationToken);
        await runtime.RecordAsync(ReadAuditing.Read("audit.export-fhir", AuditEntity, null, context, found: ReadAuditing.Found(records.Count, [])), cancellationToken);
        var bundle = new Bundle
        {
            Id = Guid.NewGuid().ToString("N"),
            Meta = new Meta { LastUpdated = clock.GetUtcNow() },
            Type = Bundle.BundleType.Searchset,
            Total = total,
            Entry = [.. records.Select(r => new Bundle.EntryComponent
            {
                FullUrl = $"urn:careflows:audit:{r.Sequence}",
                Resource = AuditEvents.ToAuditEvent(r, r.ActorId is { } id ? names.GetValueOrDefault(id) : null),
                Search = new Bundle.SearchComponent { Mode = Bundle.SearchEntryMode.Match },
            })],
        };
        bundle.Link.Add(new Bundle.LinkComponent { Relation = "self", Url = PageUrl(context.Request, query.PageNumber) });
        if ((long)query.PageNumber * query.Size < total)
        {
            bundle.Link.Add(new Bundle.LinkComponent { Relation = "next", Url = PageUrl(context.Request, query.PageNumber + 1) });
        }

        return FhirJson.Result(bundle);
    }

    public static async Task<Ok<TimelineResponse>> InstanceTimeline(string instanceId, CareFlowsDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await Timelines.OfInstanceAsync(db, instanceId, cancellationToken));

    /// <summary>The patient is named in the query, as their ids hold slashes (<c>Patient/123</c>).</summary>
    public static async Task<Ok<TimelineResponse>> PatientTimeline([FromQuery(Name = "patient")] string? patient, CareFlowsDbContext db, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(patient) || patient.Length > ColumnSizes.Key || patient.Any(char.IsControl))
        {
            throw new UnprocessableException("Name the patient.", new Dictionary<string, string[]>
            {
                ["patient"] = [$"'patient' is required: the patient's id or MRN, at most {ColumnSizes.Key} characters."],
            });
        }

        return TypedResults.Ok(await Timelines.OfPatientAsync(db, patient, cancellationToken));
    }

    public static async Task<Ok<AuditVerification>> Verify(CareFlowsDbContext db, AuditCheckpointKey key, CancellationToken cancellationToken) =>
        TypedResults.Ok(await AuditVerifier.VerifyAsync(db, key, cancellationToken));

    private static string PageUrl(HttpRequest request, int page)
    {
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(request.QueryString.Value);
        query["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(
            $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}", query.SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v))));
    }
}

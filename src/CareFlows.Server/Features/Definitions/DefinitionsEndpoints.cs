using System.Security.Claims;
using System.Text;
using CareFlows.Engine.Activities;
using CareFlows.Engine.Definitions.Serialization;
using CareFlows.Engine.Execution;
using CareFlows.Server.Auth;
using CareFlows.Server.Infrastructure;
using CareFlows.Server.Persistence;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CareFlows.Server.Features.Definitions;

/// <summary>
/// Workflow definitions in Elsa 3 JSON: list, read, import and export, drafts, validation, publishing, retiring,
/// reverting, deleting;
/// and the activity descriptors the designer builds its toolbox from. Reads need any role; changes need a clinical
/// lead or an admin.
/// </summary>
public static class DefinitionsEndpoints
{
    public static IEndpointRouteBuilder MapDefinitions(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/definitions").WithTags("Definitions").RequireAuthorization(Policies.AnyRole);

        group.MapGet("", List).WithName("ListDefinitions")
            .WithSummary("Lists the latest version of every definition, paged, optionally filtered by id, name or description and by status (draft, published, retired), sorted by name or last change.")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status422UnprocessableEntity);
        group.MapGet("/{definitionId}", Get).WithName("GetDefinition")
            .WithSummary("Gets the latest version of a definition, or the one named by ?version=, with its Elsa 3 JSON.")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);
        group.MapGet("/{definitionId}/versions", ListVersions).WithName("ListDefinitionVersions")
            .WithSummary("Lists every version of a definition, newest first.")
            .ProducesProblems(StatusCodes.Status404NotFound);
        group.MapGet("/{definitionId}/export", Export).WithName("ExportDefinition")
            .WithSummary("Downloads a version (the latest unless ?version= names one) as the Elsa 3 JSON file the store holds.")
            .Produces<ElsaWorkflowDefinition>(StatusCodes.Status200OK, "application/json")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);
        group.MapPost("/validate", Validate).WithName("ValidateDefinition")
            .WithSummary("Validates an Elsa 3 definition without storing it: every problem with its JSON path, and whether it can run.")
            .AcceptsDefinition("application/json");
        group.MapPost("/{definitionId}/validate", ValidateStored).WithName("ValidateStoredDefinition")
            .WithSummary("Validates a stored version (the latest unless ?version= names one).")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);

        var write = group.MapGroup("").RequireAuthorization(Policies.DefinitionWrite)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        write.MapPost("/import", Import).WithName(DefinitionApiDocumentation.ImportOperation)
            .WithSummary("Imports one Elsa 3 definition, a JSON array of them, or multipart files; all or nothing. With ?publish=true each is published and must be valid.")
            .AcceptsDefinition("application/json", "multipart/form-data")
            .ProducesProblems(StatusCodes.Status422UnprocessableEntity);
        write.MapPost("", Create).WithName("CreateDefinition")
            .WithSummary("Creates a new definition as a version 1 draft.")
            .AcceptsDefinition("application/json")
            .ProducesProblems(StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);
        write.MapPut("/{definitionId}", SaveDraft).WithName("SaveDefinitionDraft")
            .WithSummary("Saves the latest draft: edits an unpublished latest version, or starts a new version on top of a published one. With If-Match (a version's etag) it is refused with 409 when the latest version changed since.")
            .AcceptsDefinition("application/json")
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);
        write.MapPost("/{definitionId}/publish", Publish).WithName("PublishDefinition")
            .WithSummary("Publishes the latest version, or the one named by ?version=; instances already running keep their version.")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);
        write.MapPost("/{definitionId}/retire", Retire).WithName("RetireDefinition")
            .WithSummary("Retires (unpublishes) the published version: it starts no new instances and its timer triggers are disarmed; running instances finish on it.")
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        write.MapDelete("/{definitionId}", Delete).WithName("DeleteDefinition")
            .WithSummary("Deletes every version of a definition that is not published and never had an instance.")
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        write.MapPost("/{definitionId}/revert/{version:int}", Revert).WithName("RevertDefinition")
            .WithSummary("Makes a copy of an earlier version the new latest draft.")
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        write.MapDelete("/{definitionId}/draft", DeleteDraft).WithName("DeleteDefinitionDraft")
            .WithSummary("Deletes the latest version if it is an unpublished draft.")
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);

        routes.MapGet("/api/activities", Activities).WithTags("Designer").RequireAuthorization(Policies.AnyRole)
            .WithName("ListActivities")
            .WithSummary("Describes every activity type for the designer: category, inputs with types and editor hints, outputs, outcomes.");
        return routes;
    }

    public static async Task<Ok<DefinitionPage>> List(string? search, int? page, int? pageSize, string? status, string? sort, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new ListDefinitions(search, page ?? 1, pageSize ?? ListDefinitions.DefaultPageSize, status, sort), cancellationToken));

    public static async Task<Ok<DefinitionResponse>> Get(string definitionId, int? version, CareFlowsDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok((await db.Definitions.FindVersionAsync(definitionId, version, cancellationToken)).ToResponse());

    public static async Task<Ok<List<DefinitionVersionResponse>>> ListVersions(string definitionId, CareFlowsDbContext db, CancellationToken cancellationToken)
    {
        var versions = await db.Definitions.AsNoTracking()
            .Where(d => d.DefinitionId == definitionId)
            .OrderByDescending(d => d.Version)
            .ToListAsync(cancellationToken);
        return versions.Count > 0
            ? TypedResults.Ok(versions.ConvertAll(v => v.ToVersionResponse()))
            : throw new NotFoundException($"Definition '{definitionId}' does not exist.");
    }

    /// <summary>The stored JSON byte for byte, named <c>&lt;definitionId&gt;.json</c> as in the workflows folder.</summary>
    public static async Task<FileContentHttpResult> Export(string definitionId, int? version, CareFlowsDbContext db, CancellationToken cancellationToken)
    {
        var record = await db.Definitions.FindVersionAsync(definitionId, version, cancellationToken);
        var fileName = string.Concat(record.DefinitionId.Select(c => Array.IndexOf(Path.GetInvalidFileNameChars(), c) >= 0 ? '_' : c)) + ".json";
        return TypedResults.File(Encoding.UTF8.GetBytes(record.Json), "application/json", fileName);
    }

    public static async Task<Ok<ValidationReportResponse>> Validate(HttpRequest request, ApiOptions api, WorkflowEngine engine, CancellationToken cancellationToken)
    {
        var definition = await DefinitionBody.ReadDefinitionAsync(request, api.MaxRequestBodyBytes, cancellationToken);
        return TypedResults.Ok(engine.Validate(definition).ToResponse());
    }

    public static async Task<Ok<ValidationReportResponse>> ValidateStored(string definitionId, int? version, CareFlowsDbContext db, WorkflowEngine engine, CancellationToken cancellationToken)
    {
        var record = await db.Definitions.FindVersionAsync(definitionId, version, cancellationToken);
        return TypedResults.Ok(engine.Validate(WorkflowDefinitionReader.Read(record.Json)).ToResponse());
    }

    public static async Task<Ok<ImportResponse>> Import(HttpRequest request, bool? publish, ApiOptions api, ISender sender, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var items = await DefinitionBody.ReadImportAsync(request, api.MaxRequestBodyBytes, cancellationToken);
        return TypedResults.Ok(await sender.Send(new ImportDefinitions(items, publish == true, DefinitionEditor.Of(user)), cancellationToken));
    }

    public static async Task<Created<DefinitionResponse>> Create(HttpRequest request, ApiOptions api, ISender sender, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var definition = await DefinitionBody.ReadDefinitionAsync(request, api.MaxRequestBodyBytes, cancellationToken);
        var created = await sender.Send(new CreateDefinition(definition, DefinitionEditor.Of(user)), cancellationToken);
        return TypedResults.Created(Location(created), created);
    }

    public static async Task<Ok<DefinitionResponse>> SaveDraft(string definitionId, [FromHeader(Name = "If-Match")] string? ifMatch, HttpRequest request, ApiOptions api, ISender sender, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var definition = await DefinitionBody.ReadDefinitionAsync(request, api.MaxRequestBodyBytes, cancellationToken);
        return TypedResults.Ok(await sender.Send(new SaveDefinitionDraft(definitionId, definition, DefinitionEditor.Of(user), ifMatch), cancellationToken));
    }

    public static async Task<Ok<DefinitionResponse>> Publish(string definitionId, int? version, ISender sender, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new PublishDefinition(definitionId, version, DefinitionEditor.Of(user)), cancellationToken));

    public static async Task<Ok<DefinitionResponse>> Retire(string definitionId, ISender sender, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new RetireDefinition(definitionId, DefinitionEditor.Of(user)), cancellationToken));

    public static async Task<NoContent> Delete(string definitionId, ISender sender, CancellationToken cancellationToken)
    {
        await sender.Send(new DeleteDefinition(definitionId), cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<Created<DefinitionResponse>> Revert(string definitionId, int version, ISender sender, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var reverted = await sender.Send(new RevertDefinition(definitionId, version, DefinitionEditor.Of(user)), cancellationToken);
        return TypedResults.Created(Location(reverted), reverted);
    }

    public static async Task<NoContent> DeleteDraft(string definitionId, ISender sender, CancellationToken cancellationToken)
    {
        await sender.Send(new DeleteDefinitionDraft(definitionId), cancellationToken);
        return TypedResults.NoContent();
    }

    public static Ok<List<ActivityDescriptorResponse>> Activities(ActivityRegistry registry) =>
        TypedResults.Ok(registry.Descriptors.Select(d => d.ToResponse()).ToList());

    // A body read by DefinitionBody: Elsa 3 JSON, refused when malformed (400, with its JSON path) or too large (413).
    private static RouteHandlerBuilder AcceptsDefinition(this RouteHandlerBuilder builder, string contentType, params string[] otherContentTypes) => builder
        .Accepts<ElsaWorkflowDefinition>(contentType, otherContentTypes)
        .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status413PayloadTooLarge);

    private static string Location(DefinitionVersionResponse version) =>
        $"/api/definitions/{Uri.EscapeDataString(version.DefinitionId)}?version={version.Version}";
}

using System.Security.Claims;
using CareFlows.Server.Audit;
using CareFlows.Server.Auth;
using CareFlows.Server.Auth.Sessions;
using CareFlows.Server.Features.Instances.CancelInstance;
using CareFlows.Server.Features.Instances.GetInstance;
using CareFlows.Server.Features.Instances.GetJournal;
using CareFlows.Server.Features.Instances.ListInstances;
using CareFlows.Server.Features.Instances.StartInstance;
using CareFlows.Server.Features.Tasks;
using CareFlows.Server.Infrastructure;
using CareFlows.Server.Persistence;
using CareFlows.Server.Runtime;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CareFlows.Server.Features.Instances;

/// <summary>
/// Workflow instances: start, list, read, cancel, and read the journal. Reading needs <see cref="Policies.InstanceRead"/>
/// and, for a coordinator, a task of the instance they may read (<see cref="InstanceAccess"/>); starting
/// <see cref="Policies.InstanceWrite"/>, cancelling <see cref="Policies.InstanceAdmin"/>.
/// </summary>
public static class InstancesEndpoints
{

    public static IEndpointRouteBuilder MapInstances(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/instances").WithTags("Instances").RequireAuthorization(Policies.AnyRole);
        group.MapPost("/", Start)
            .RequireAuthorization(Policies.InstanceWrite)
            .WithSummary("Starts an instance of a definition's published version.")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status422UnprocessableEntity);
        group.MapGet("/", List)
            .RequireAuthorization(Policies.InstanceRead)
            .WithSummary("Lists instances by status, definition, correlation id and creation time, newest first or in the order `sort` names.")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status422UnprocessableEntity)
            .AuditsReads<InstancePageResponse>((context, page) => ReadAuditing.Read("instance.search", AuditEntityTypes.Instance, null, context, found: ReadAuditing.Found(page.Total, [])));
        group.MapGet("/{id}", Get)
            .RequireAuthorization(Policies.InstanceRead)
            .WithSummary("Reads an instance: variables, input and output, open bookmarks, incidents and log.")
            .ProducesProblems(StatusCodes.Status404NotFound)
            .AuditsReads<InstanceDetailsResponse>((context, instance) => ReadAuditing.Read("instance.read", AuditEntityTypes.Instance, instance.Id, context) with
            {
                DefinitionId = instance.DefinitionId,
                DefinitionVersion = instance.Version,
            });
        group.MapPost("/{id}/cancel", Cancel)
            .RequireAuthorization(Policies.InstanceAdmin)
            .WithSummary("Cancels a running instance.")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);
        group.MapGet("/{id}/stream", Stream)
            .RequireAuthorization(Policies.InstanceRead)
            .WithSummary("Streams the instance's committed changes as Server-Sent Events (`instance`, with its sub-status), so a page showing it stays current.")
            .ProducesProblems(StatusCodes.Status404NotFound);
        group.MapGet("/{id}/journal", Journal)
            .RequireAuthorization(Policies.InstanceRead)
            .WithSummary("Reads an instance's journal in sequence order, a page at a time.")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status422UnprocessableEntity)
            .AuditsReads<JournalPageResponse>((context, _) =>
                ReadAuditing.Read("instance.read-journal", AuditEntityTypes.Instance, context.GetRouteValue("id")?.ToString(), context));
        return routes;
    }

    /// <summary>The instance's changes as they commit; 404 when there is no such instance.</summary>
    public static async Task<IResult> Stream(
        string id, HttpContext context, CareFlowsDbContext db, TaskActors actors, InboxUpdates updates, SessionCache sessions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        await InstanceAccess.RequireReadableAsync(id, db, actors, context.User, cancellationToken);

        return TypedResults.ServerSentEvents(LiveEventStream.EventsAsync(
            updates.Subscribe(u => u.Kind == "instance" && u.InstanceId == id), LiveEventStream.WhileSessionLives(context, sessions, cancellationToken), cancellationToken));
    }

    /// <summary>201 with the new instance as its first burst left it (it may have finished already).</summary>
    public static async Task<Created<InstanceSnapshotResponse>> Start(StartInstanceCommand command, ISender sender, CancellationToken cancellationToken)
    {
        var snapshot = await sender.Send(command, cancellationToken);
        return TypedResults.Created($"/api/instances/{Uri.EscapeDataString(snapshot.Id)}", snapshot.ToResponse());
    }

    public static async Task<Ok<InstancePageResponse>> List(
        [AsParameters] ListInstancesQuery query,
        IValidator<ListInstancesQuery> validator,
        CareFlowsDbContext db,
        TaskActors actors,
        ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        await validator.ValidateAndThrowAsync(query, cancellationToken);
        var readable = await InstanceAccess.ReadableAsync(db.Instances.AsNoTracking(), db, actors, user, cancellationToken);
        var matching = query.Filter(readable, db.Tasks.AsNoTracking());
        var total = await matching.CountAsync(cancellationToken);
        var items = await query.Order(matching)
            .Skip((query.PageNumber - 1) * query.Size)
            .Take(query.Size)
            .Select(InstanceSummaryMapping.ToResponse)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new InstancePageResponse(items, total, query.PageNumber, query.Size));
    }

    public static async Task<Ok<InstanceDetailsResponse>> Get(string id, CareFlowsDbContext db, TaskActors actors, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        await InstanceAccess.RequireReadableAsync(id, db, actors, user, cancellationToken);
        var instance = await db.Instances.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, cancellationToken)
            ?? throw InstanceProblems.NotFound(id);
        return TypedResults.Ok(instance.ToResponse());
    }

    /// <summary>200 with the cancelled instance; 409 when it had already ended.</summary>
    public static async Task<Ok<InstanceSnapshotResponse>> Cancel(string id, CancelInstanceRequest? request, ISender sender, CancellationToken cancellationToken)
    {
        var snapshot = await sender.Send(new CancelInstanceCommand(id, request?.Reason), cancellationToken);
        return TypedResults.Ok(snapshot.ToResponse());
    }

    public static async Task<Ok<JournalPageResponse>> Journal(
        string id,
        [AsParameters] JournalQuery query,
        IValidator<JournalQuery> validator,
        CareFlowsDbContext db,
        TaskActors actors,
        ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        await validator.ValidateAndThrowAsync(query, cancellationToken);
        await InstanceAccess.RequireReadableAsync(id, db, actors, user, cancellationToken);

        // One entry more than the page tells whether another page follows.
        var entries = await db.Journal.AsNoTracking()
            .Where(j => j.InstanceId == id && j.Sequence > query.After)
            .OrderBy(j => j.Sequence)
            .Take(query.Size + 1)
            .Select(JournalEntryMapping.ToResponse)
            .ToListAsync(cancellationToken);
        var page = entries.Take(query.Size).ToList();
        return TypedResults.Ok(new JournalPageResponse(page, entries.Count > query.Size ? page[^1].Sequence : null));
    }
}

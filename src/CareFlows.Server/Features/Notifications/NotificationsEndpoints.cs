using System.Security.Claims;
using CareFlows.Server.Audit;
using CareFlows.Server.Auth;
using CareFlows.Server.Infrastructure;
using CareFlows.Server.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CareFlows.Server.Features.Notifications;

/// <summary>A notification, as its person reads it.</summary>
/// <param name="Id">The notification's id.</param>
/// <param name="Kind">assigned, delegated, escalated or deadline-missed.</param>
/// <param name="TaskId">The task it is about.</param>
/// <param name="Message">What happened, in a sentence.</param>
/// <param name="CreatedAt">When.</param>
/// <param name="ReadAt">When its person marked it read; null while unread.</param>
public sealed record NotificationResponse(long Id, string Kind, string? TaskId, string Message, DateTime CreatedAt, DateTime? ReadAt);

/// <summary>A page of notifications, newest first, with how many are unread in all.</summary>
public sealed record NotificationPageResponse(IReadOnlyList<NotificationResponse> Items, int Unread, int Page, int PageSize);

/// <summary>Each person's notifications: list them, mark them read. Every signed-in user has their own, and only their own.</summary>
public static class NotificationsEndpoints
{
    private const int MaxPageSize = 200;

    public static IEndpointRouteBuilder MapNotifications(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/notifications").WithTags("Inbox").RequireAuthorization(Policies.AnyRole);
        group.MapGet("", List).WithName("ListNotifications")
            .WithSummary("Lists the user's notifications, newest first.")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status422UnprocessableEntity);
        group.MapPost("/{id:long}/read", MarkRead).WithName("MarkNotificationRead")
            .WithSummary("Marks one of the user's notifications read.")
            .ProducesProblems(StatusCodes.Status404NotFound);
        group.MapPost("/read-all", MarkAllRead).WithName("MarkAllNotificationsRead")
            .WithSummary("Marks all the user's notifications read.");
        return routes;
    }

    public static async Task<Ok<NotificationPageResponse>> List(
        ClaimsPrincipal user, CareFlowsDbContext db, CancellationToken cancellationToken,
        [FromQuery(Name = "unread")] bool? unread = null, [FromQuery(Name = "page")] int? page = null, [FromQuery(Name = "pageSize")] int? pageSize = null)
    {
        var number = page ?? 1;
        var size = pageSize ?? 50;
        if (number < 1 || size < 1 || size > MaxPageSize)
        {
            throw new UnprocessableException("The paging is out of range.", new Dictionary<string, string[]>
            {
                [number < 1 ? "page" : "pageSize"] = [number < 1 ? "'page' must be at least 1." : $"'pageSize' must be between 1 and {MaxPageSize}."],
            });
        }

        var userId = user.UserId();
        var mine = db.Notifications.AsNoTracking().Where(n => n.UserId == userId);
        var listed = unread == true ? mine.Where(n => n.ReadAt == null) : mine;
        var items = await listed.OrderByDescending(n => n.Id).Skip((number - 1) * size).Take(size)
            .Select(n => new NotificationResponse(n.Id, n.Kind, n.TaskId, n.Message, n.CreatedAt, n.ReadAt))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new NotificationPageResponse(items, await mine.CountAsync(n => n.ReadAt == null, cancellationToken), number, size));
    }

    public static async Task<NoContent> MarkRead(long id, ClaimsPrincipal user, CareFlowsDbContext db, AuditedWrite audited, TimeProvider clock, CancellationToken cancellationToken)
    {
        var userId = user.UserId();
        var now = clock.GetUtcNow().UtcDateTime;
        await audited.RunAsync(
            async () =>
            {
                var notification = await db.Notifications.FirstOrDefaultAsync(n => n.Id == id && n.UserId == userId, cancellationToken)
                    ?? throw new NotFoundException($"You have no notification {id}.");
                if (notification.ReadAt is not null)
                {
                    return (true, (AuditChange?)null);
                }

                notification.ReadAt = now;
                await db.SaveChangesAsync(cancellationToken);
                return (true, Read(id.ToString(System.Globalization.CultureInfo.InvariantCulture), 1));
            },
            cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<NoContent> MarkAllRead(ClaimsPrincipal user, CareFlowsDbContext db, AuditedWrite audited, TimeProvider clock, CancellationToken cancellationToken)
    {
        var userId = user.UserId();
        var now = clock.GetUtcNow().UtcDateTime;
        await audited.RunAsync(
            async () =>
            {
                var marked = await db.Notifications.Where(n => n.UserId == userId && n.ReadAt == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), cancellationToken);
                return (true, marked == 0 ? null : Read(entityId: null, marked));
            },
            cancellationToken);
        return TypedResults.NoContent();
    }

    private static AuditChange Read(string? entityId, int count) =>
        new(entityId is null ? "notification.read-all" : "notification.read", AuditActions.Update, "notification", entityId)
        {
            After = new System.Text.Json.Nodes.JsonObject { ["read"] = count },
        };
}

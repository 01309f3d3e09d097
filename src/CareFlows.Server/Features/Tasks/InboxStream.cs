using System.Security.Claims;
using CareFlows.Server.Auth;
using CareFlows.Server.Auth.Sessions;
using CareFlows.Server.Inbox;
using CareFlows.Server.Infrastructure;
using CareFlows.Server.Runtime;

namespace CareFlows.Server.Features.Tasks;

/// <summary>
/// The signed-in user's live inbox (Server-Sent Events, <c>GET /api/inbox/stream</c>): an event for every committed
/// change to a task in their queues or held by them (<c>task</c>), and for each notification to them
/// (<c>notification</c>). Events carry ids and status only; the client reads the rest through the API.
/// </summary>
public static class InboxStream
{
    public static IEndpointRouteBuilder MapInboxStream(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/inbox/stream", Stream).WithTags("Inbox").WithName("InboxStream")
            .RequireAuthorization(Policies.Inbox)
            .WithSummary("Streams the user's inbox changes and notifications as Server-Sent Events.");
        return routes;
    }

    public static async Task<IResult> Stream(ClaimsPrincipal user, HttpContext context, TaskActors actors, InboxUpdates updates, SessionCache sessions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var actor = await actors.OfAsync(user, cancellationToken);
        return TypedResults.ServerSentEvents(LiveEventStream.EventsAsync(
            updates.Subscribe(update => Wants(actor, update)), LiveEventStream.WhileSessionLives(context, sessions, cancellationToken), cancellationToken));
    }

    /// <summary>Whether the actor hears of the update: their notifications, tasks they hold or may see in their queues.</summary>
    public static bool Wants(TaskActor actor, InboxUpdate update)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(update);
        return update.Kind switch
        {
            "notification" => update.UserId == actor.UserId,
            "task" => update.Teams is null || TaskAccess.CanRead(actor, update.Owner, update.Teams),
            _ => false,
        };
    }
}

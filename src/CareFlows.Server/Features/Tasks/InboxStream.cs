using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Security.Claims;
using CareFlows.Server.Auth;
using CareFlows.Server.Auth.Sessions;
using CareFlows.Server.Inbox;
using CareFlows.Server.Runtime;

namespace CareFlows.Server.Features.Tasks;

/// <summary>
/// The signed-in user's live inbox (Server-Sent Events, <c>GET /api/inbox/stream</c>): an event for every committed
/// change to a task in their queues or held by them (<c>task</c>), and for each notification to them
/// (<c>notification</c>). Events carry ids and status only; the client reads the rest through the API.
/// </summary>
public static class InboxStream
{
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(15);

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
        // The stream outlives the request that opened it: it ends once its session does (signed out, revoked, timed
        // out), before another event goes out, and at the latest by the next keep-alive.
        var session = context.Features.Get<SignedInSession>();
        Func<ValueTask<bool>> lives = session is null
            ? () => ValueTask.FromResult(true)
            : () => sessions.IsLiveAsync(session.Id, session.Transport, cancellationToken, countsAsActivity: false);
        return TypedResults.ServerSentEvents(EventsAsync(actor, updates, lives, cancellationToken));
    }

    /// <summary>Whether the actor hears of the update: their notifications, tasks they hold or may see in their queues.</summary>
    public static bool Wants(TaskActor actor, InboxUpdate update)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(update);
        return update.Kind == "notification"
            ? update.UserId == actor.UserId
            : update.Teams is null || TaskAccess.CanRead(actor, update.Owner, update.Teams);
    }

    private static async IAsyncEnumerable<SseItem<InboxUpdate?>> EventsAsync(TaskActor actor, InboxUpdates updates, Func<ValueTask<bool>> lives, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var subscription = updates.Subscribe(update => Wants(actor, update));
        yield return new SseItem<InboxUpdate?>(null, "ready");
        while (!cancellationToken.IsCancellationRequested)
        {
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            wait.CancelAfter(KeepAlive);
            InboxUpdate? next;
            try
            {
                next = await subscription.Updates.ReadAsync(wait.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                next = null;
            }
            catch (OperationCanceledException)
            {
                yield break;
            }

            if (!await lives())
            {
                yield break;
            }

            // A quiet minute still sends something, so proxies keep the connection open and the client knows it lives.
            yield return next is null ? new SseItem<InboxUpdate?>(null, "keep-alive") : new SseItem<InboxUpdate?>(next, next.Kind);
        }
    }
}

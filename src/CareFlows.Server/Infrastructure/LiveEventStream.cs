using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using CareFlows.Server.Auth.Sessions;
using CareFlows.Server.Runtime;

namespace CareFlows.Server.Infrastructure;

/// <summary>
/// A subscription to committed changes as Server-Sent Events: <c>ready</c> first, then each update under its kind,
/// and a <c>keep-alive</c> after a quiet spell so proxies keep the connection and the client knows it lives. A stream
/// outlives the request that opened it, so it ends once its session does (signed out, revoked, timed out): before
/// another event goes out, and at the latest by the next keep-alive.
/// </summary>
public static class LiveEventStream
{
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Whether the request's session still lives; asking does not count as activity, so an open page alone never keeps
    /// an idle session alive. A request without a session (none to end) always lives.
    /// </summary>
    public static Func<ValueTask<bool>> WhileSessionLives(HttpContext context, SessionCache sessions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(sessions);
        var session = context.Features.Get<SignedInSession>();
        return session is null
            ? () => ValueTask.FromResult(true)
            : () => sessions.IsLiveAsync(session.Id, session.Transport, cancellationToken, countsAsActivity: false);
    }

    public static async IAsyncEnumerable<SseItem<InboxUpdate?>> EventsAsync(InboxUpdates.Subscription subscription, Func<ValueTask<bool>> lives, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        ArgumentNullException.ThrowIfNull(lives);
        using var _ = subscription;
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

            yield return next is null ? new SseItem<InboxUpdate?>(null, "keep-alive") : new SseItem<InboxUpdate?>(next, next.Kind);
        }
    }
}

using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using CareFlows.Server.Runtime;

namespace CareFlows.Server.Infrastructure;

/// <summary>
/// A subscription to committed changes as Server-Sent Events: <c>ready</c> first, then each update under its kind,
/// and a <c>keep-alive</c> after a quiet spell so proxies keep the connection and the client knows it lives.
/// </summary>
public static class LiveEventStream
{
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(15);

    public static async IAsyncEnumerable<SseItem<InboxUpdate?>> EventsAsync(InboxUpdates.Subscription subscription, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscription);
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

            yield return next is null ? new SseItem<InboxUpdate?>(null, "keep-alive") : new SseItem<InboxUpdate?>(next, next.Kind);
        }
    }
}

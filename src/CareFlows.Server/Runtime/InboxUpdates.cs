using System.Collections.Concurrent;
using System.Threading.Channels;

namespace CareFlows.Server.Runtime;

/// <summary>
/// A change that committed: a task created, changed or ended, a notification for one person, or an instance that moved
/// on (for whoever watches that instance). It
/// carries ids and routing only, never patient data; a client that hears of it reads what it needs through the API.
/// </summary>
/// <param name="Kind"><c>task</c> or <c>notification</c>.</param>
/// <param name="TaskId">The task concerned.</param>
/// <param name="Status">The task's status after the change (tasks only).</param>
/// <param name="Owner">The task's owner after the change, when known.</param>
/// <param name="Teams">The teams whose queues hold the task after the change; null when unknown (an ended task).</param>
/// <param name="UserId">The person a notification is for.</param>
/// <param name="InstanceId">The instance that changed (<c>instance</c> updates, with its sub-status as <paramref name="Status"/>).</param>
public sealed record InboxUpdate(string Kind, string? TaskId, string? Status, string? Owner, IReadOnlyList<string>? Teams, string? UserId, string? InstanceId = null);

/// <summary>
/// Hands committed inbox changes to this node's live subscribers (the web app's event streams). Fed by the burst
/// pipeline after each commit, from what committed, so a subscriber never hears of a change that rolled back. A slow
/// subscriber loses its oldest updates rather than holding anyone up. Each node tells its own subscribers of its own
/// commits; a client that reconnects reloads its queries.
/// </summary>
public sealed class InboxUpdates
{
    private const int PerSubscriber = 256;
    private readonly ConcurrentDictionary<Channel<InboxUpdate>, Func<InboxUpdate, bool>> _subscribers = new();

    /// <summary>Updates that pass <paramref name="wants"/>, until the subscription is disposed.</summary>
    public Subscription Subscribe(Func<InboxUpdate, bool> wants)
    {
        var channel = Channel.CreateBounded<InboxUpdate>(new BoundedChannelOptions(PerSubscriber) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        _subscribers[channel] = wants;
        return new Subscription(channel.Reader, () =>
        {
            _subscribers.TryRemove(channel, out _);
            channel.Writer.TryComplete();
        });
    }

    internal void Publish(IEnumerable<ChangeSet> committed)
    {
        if (_subscribers.IsEmpty)
        {
            return;
        }

        foreach (var update in committed.SelectMany(UpdatesOf))
        {
            foreach (var (channel, wants) in _subscribers)
            {
                if (wants(update))
                {
                    channel.Writer.TryWrite(update);
                }
            }
        }
    }

    private static IEnumerable<InboxUpdate> UpdatesOf(ChangeSet changes)
    {
        foreach (var created in changes.NewTasks.Values)
        {
            yield return new InboxUpdate("task", created.Task.Id, created.Task.Status, created.Task.Owner, created.Teams, null);
        }

        foreach (var update in changes.TaskUpdates.Values)
        {
            yield return new InboxUpdate("task", update.TaskId, update.Status, update.Owner, update.Teams, null);
        }

        foreach (var ended in changes.TaskChanges)
        {
            yield return new InboxUpdate("task", ended.TaskId, ended.Status, null, null, null);
        }

        foreach (var notification in changes.Notifications)
        {
            yield return new InboxUpdate("notification", notification.TaskId, null, null, null, notification.UserId);
        }

        foreach (var instance in changes.Instances)
        {
            yield return new InboxUpdate("instance", null, instance.SubStatus, null, null, null, instance.Id);
        }
    }

    /// <summary>A live subscription: read <see cref="Updates"/>; dispose to stop.</summary>
    public sealed class Subscription(ChannelReader<InboxUpdate> updates, Action stop) : IDisposable
    {
        public ChannelReader<InboxUpdate> Updates => updates;

        public void Dispose() => stop();
    }
}

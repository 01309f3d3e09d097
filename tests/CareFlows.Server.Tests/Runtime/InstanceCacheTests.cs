using CareFlows.Engine.Bookmarks;
using CareFlows.Server.Runtime;

namespace CareFlows.Server.Tests.Runtime;

public sealed class InstanceCacheTests
{
    private static readonly DateTime At = new(2026, 11, 29, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void An_instance_is_remembered_as_committed_with_its_next_revision()
    {
        var cache = new InstanceCache(10);
        cache.Committed(Commit(Instance("i1", revision: 0, state: "{\"v\":1}")));
        cache.Committed(Commit(Instance("i1", revision: 1, state: "{\"v\":2}")));

        Assert.Equal(new InstanceRow("i1", "v1", "{\"v\":2}", 2), cache.Instance("i1"));
        Assert.Null(cache.Instance("i2"));
    }

    [Fact]
    public void A_keyed_event_finds_the_bookmarks_waiting_for_it_until_they_are_consumed()
    {
        var cache = new InstanceCache(10);
        var go = new EventKey("Go", "patient-1");
        var waiting = Commit(Instance("i1", revision: 0));
        waiting.CreatedBookmarks["i1.b1"] = ("i1", EventBookmark("i1.b1", "Go", "patient-1"));
        cache.Committed(waiting);

        Assert.Equal([new Waiter("i1.b1", "i1")], cache.Waiters(go));
        Assert.Null(cache.Waiters(new EventKey("Go", "patient-2")));

        var resumed = Commit(Instance("i1", revision: 1));
        resumed.RemovedBookmarks["i1.b1"] = EventBookmark("i1.b1", "Go", "patient-1");
        cache.Committed(resumed);

        Assert.Null(cache.Waiters(go));
        Assert.NotNull(cache.Instance("i1"));
    }

    [Fact]
    public void An_event_without_a_correlation_key_is_never_answered_from_the_cache()
    {
        var cache = new InstanceCache(10);
        var waiting = Commit(Instance("i1", revision: 0));
        waiting.CreatedBookmarks["i1.b1"] = ("i1", EventBookmark("i1.b1", "Go", null));
        cache.Committed(waiting);

        // Instances this node does not remember may wait for it too.
        Assert.Null(cache.Waiters(new EventKey("Go", null)));
    }

    [Fact]
    public void A_finished_instance_is_forgotten_with_its_waiting_bookmarks()
    {
        var cache = new InstanceCache(10);
        var waiting = Commit(Instance("i1", revision: 0));
        waiting.CreatedBookmarks["i1.b1"] = ("i1", EventBookmark("i1.b1", "Go", "k"));
        cache.Committed(waiting);

        cache.Committed(Commit(Instance("i1", revision: 1) with { FinishedAt = At }));

        Assert.Null(cache.Instance("i1"));
        Assert.Null(cache.Waiters(new EventKey("Go", "k")));
    }

    [Fact]
    public void Past_its_capacity_the_oldest_instances_are_forgotten_with_their_waiting_bookmarks()
    {
        var cache = new InstanceCache(2);
        foreach (var id in new[] { "i1", "i2", "i3" })
        {
            var waiting = Commit(Instance(id, revision: 0));
            waiting.CreatedBookmarks[$"{id}.b1"] = (id, EventBookmark($"{id}.b1", "Go", id));
            cache.Committed(waiting);
        }

        Assert.Null(cache.Instance("i1"));
        Assert.Null(cache.Waiters(new EventKey("Go", "i1")));
        Assert.NotNull(cache.Instance("i2"));
        Assert.Equal([new Waiter("i3.b1", "i3")], cache.Waiters(new EventKey("Go", "i3")));
    }

    [Fact]
    public void A_cache_of_size_zero_remembers_nothing()
    {
        var cache = new InstanceCache(0);
        cache.Committed(Commit(Instance("i1", revision: 0)));

        Assert.Null(cache.Instance("i1"));
    }

    private static ChangeSet Commit(InstanceChange instance)
    {
        var changes = new ChangeSet();
        changes.Instances.Add(instance);
        return changes;
    }

    private static InstanceChange Instance(string id, long revision, string state = "{}") =>
        new(id, "d1", "v1", 1, null, null, "Running", "Suspended", 0, state, At, At, null, revision);

    private static Bookmark EventBookmark(string id, string eventName, string? correlationKey) => new()
    {
        Id = id,
        Kind = BookmarkKind.Event,
        Name = "Elsa.Event",
        ActivityId = "wait",
        CreatedAt = At,
        EventName = eventName,
        CorrelationKey = correlationKey,
    };
}

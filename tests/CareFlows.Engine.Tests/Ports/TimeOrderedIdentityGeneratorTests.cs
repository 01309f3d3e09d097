using CareFlows.Engine.Ports;

namespace CareFlows.Engine.Tests.Ports;

public sealed class TimeOrderedIdentityGeneratorTests
{
    [Fact]
    public void Ids_are_24_lowercase_hex_characters_starting_with_the_milliseconds()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(0x0193_0a0b_0c0d));

        var id = new TimeOrderedIdentityGenerator(clock).NewId();

        Assert.Matches("^[0-9a-f]{24}$", id);
        Assert.StartsWith("01930a0b0c0d", id, StringComparison.Ordinal);
    }

    [Fact]
    public void Ids_made_later_sort_after_ids_made_earlier()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.Zero));
        var ids = new TimeOrderedIdentityGenerator(clock);
        var made = new List<string>();
        for (var i = 0; i < 1000; i++)
        {
            made.Add(ids.NewId());
            clock.Advance(TimeSpan.FromMilliseconds(1));
        }

        Assert.Equal(made, made.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Ids_made_in_the_same_millisecond_differ()
    {
        var ids = new TimeOrderedIdentityGenerator(new FakeTimeProvider());

        var made = Enumerable.Range(0, 10_000).Select(_ => ids.NewId()).ToList();

        Assert.Equal(made.Count, made.Distinct(StringComparer.Ordinal).Count());
    }
}

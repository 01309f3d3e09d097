using CareFlows.Engine.Bookmarks;
using CareFlows.Engine.Execution;

namespace CareFlows.Engine.Tests.Bookmarks;

public class BookmarkIdsTests
{
    [Fact]
    public void An_id_names_its_instance_and_its_place_in_the_instances_sequence()
    {
        var id = BookmarkIds.Create("01a2b3c4d5e6f708090a0b0c", 12);

        Assert.Equal("01a2b3c4d5e6f708090a0b0c.b12", id);
        Assert.True(BookmarkIds.TryParse(id, out var instanceId, out var sequence));
        Assert.Equal(("01a2b3c4d5e6f708090a0b0c", 12L), (instanceId, sequence));
    }

    [Theory]
    [InlineData("nope")]
    [InlineData(".b1")]
    [InlineData("instance.b")]
    [InlineData("instance.b0")]
    [InlineData("instance.b01")]
    [InlineData("instance.b-1")]
    [InlineData("instance.b1x")]
    [InlineData("instance.b99999999999999999999")]
    public void Ids_not_made_by_create_do_not_parse(string id) => Assert.False(BookmarkIds.TryParse(id, out _, out _));

    [Fact]
    public void An_instance_id_may_itself_contain_the_separator()
    {
        Assert.True(BookmarkIds.TryParse(BookmarkIds.Create("a.b7", 3), out var instanceId, out var sequence));
        Assert.Equal(("a.b7", 3L), (instanceId, sequence));
    }

    [Fact]
    public void Only_ids_up_to_the_instances_last_bookmark_were_issued_by_it()
    {
        var state = new WorkflowState { Id = "i1", DefinitionId = "d", DefinitionVersionId = "v", BookmarkSequence = 2 };

        Assert.True(BookmarkIds.WasIssuedBy("i1.b1", state));
        Assert.True(BookmarkIds.WasIssuedBy("i1.b2", state));
        Assert.False(BookmarkIds.WasIssuedBy("i1.b3", state));
        Assert.False(BookmarkIds.WasIssuedBy("i2.b1", state));
        Assert.False(BookmarkIds.WasIssuedBy("i1-b1", state));
    }
}

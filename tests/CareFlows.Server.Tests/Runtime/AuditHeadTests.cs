using CareFlows.Server.Runtime;

namespace CareFlows.Server.Tests.Runtime;

/// <summary>The writer guesses the audit chain's end only from its own commits, and reads it for a while after another writer moved it.</summary>
public sealed class AuditHeadTests
{
    [Fact]
    public void Nothing_is_guessed_before_a_commit_and_an_abandoned_batch_leaves_the_guess_as_it_was()
    {
        var head = new AuditHead();
        Assert.Null(head.Guess);

        head.Writing(5, "h5");
        head.Committed();
        head.Writing(7, "h7");
        head.Abandoned();

        Assert.Equal((5L, "h5"), head.Guess);
    }

    [Fact]
    public void After_another_writer_moved_the_head_the_next_batches_read_it()
    {
        var head = new AuditHead();
        head.Writing(5, "h5");
        head.Committed();

        head.Moved();
        var reads = 0;
        while (head.Guess is null)
        {
            reads++;
            head.Writing(5 + reads, $"h{5 + reads}");
            head.Committed();
        }

        Assert.Equal(64, reads);
        Assert.Equal((69L, "h69"), head.Guess);
    }
}

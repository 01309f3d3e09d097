using CareFlows.Engine.Execution;
using CareFlows.Engine.Tests.TestSupport;

namespace CareFlows.Engine.Tests.Execution;

public class JournalTests
{
    [Fact]
    public async Task Same_definition_inputs_and_clock_give_the_same_journal()
    {
        static async Task<IReadOnlyList<Journal.JournalEntry>> Run()
        {
            var fixture = new WorkflowTestFixture();
            var result = await fixture.StartAsync(TestSupport.Definitions.Compat("fork.json"), new StartRequest { InstanceId = "i1" });
            return result.Journal;
        }

        Assert.Equal(await Run(), await Run());
    }

    [Fact]
    public async Task Every_step_is_journaled_in_sequence_with_the_engine_clock()
    {
        var fixture = new WorkflowTestFixture();
        var workflow = fixture.Compile(Flows.Sequence(Flows.WriteLine("one"), Flows.Activity("wait", "Elsa.Delay"), Flows.WriteLine("two")));

        var started = await fixture.Engine.StartAsync(workflow);
        fixture.Clock.Advance(TimeSpan.FromMinutes(1));
        var resumed = await fixture.Engine.ResumeAsync(workflow, started.State, started.State.Bookmarks[0].Id);
        var journal = started.Journal.Concat(resumed.Journal).ToList();

        Assert.Equal(Enumerable.Range(1, journal.Count).Select(i => (long)i), journal.Select(e => e.Sequence));
        Assert.Equal(
            ["flowchart:Started", "write-one:Started", "write-one:Log", "write-one:Completed", "wait:Started", "wait:BookmarkCreated", "wait:Suspended", "flowchart:Suspended",
             "wait:Resumed", "flowchart:Resumed", "wait:Completed", "write-two:Started", "write-two:Log", "write-two:Completed", "flowchart:Finished"],
            journal.Select(e => $"{e.ActivityId}:{e.EventName}"));
        Assert.All(started.Journal, e => Assert.Equal(WorkflowTestFixture.Epoch, e.Timestamp));
        Assert.All(resumed.Journal, e => Assert.Equal(WorkflowTestFixture.Epoch.AddMinutes(1), e.Timestamp));
    }
}

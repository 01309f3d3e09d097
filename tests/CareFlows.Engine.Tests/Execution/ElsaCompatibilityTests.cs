using CareFlows.Engine.Execution;
using CareFlows.Engine.Tests.TestSupport;

namespace CareFlows.Engine.Tests.Execution;

/// <summary>Each file of the Elsa compatibility corpus behaves as Elsa's own tests observe.</summary>
public class ElsaCompatibilityTests
{
    private readonly WorkflowTestFixture _fixture = new();

    [Fact]
    public async Task Hello_world_writes_its_line_and_finishes()
    {
        var result = await _fixture.StartAsync(TestSupport.Definitions.Compat("hello-world.json"));

        Assert.Equal(["Hello World!"], result.State.Log);
        Assert.Equal((WorkflowStatus.Finished, WorkflowSubStatus.Finished), (result.State.Status, result.State.SubStatus));
    }

    [Fact]
    public async Task Fork_writes_every_branch_and_finishes()
    {
        var result = await _fixture.StartAsync(TestSupport.Definitions.Compat("fork.json"));

        Assert.Equal(["One", "Two", "Three"], result.State.Log);
        Assert.Equal(WorkflowSubStatus.Finished, result.State.SubStatus);
    }

    [Fact]
    public async Task Implicit_loop_retries_once_then_finishes()
    {
        var result = await _fixture.StartAsync(TestSupport.Definitions.Compat("implicit-loop.json"));

        Assert.Equal(["Do something", "Retry", "Do something", "Done"], result.State.Log);
        Assert.Equal(WorkflowSubStatus.Finished, result.State.SubStatus);
        Assert.Equal(2, result.State.Variables["Counter"]);
    }

    [Fact]
    public async Task Fork_decision_join_writes_A_C_B_D_and_faults_without_F()
    {
        var result = await _fixture.StartAsync(TestSupport.Definitions.Compat("fork-decision-join-waitall.json"));

        Assert.Equal(["A", "C", "B", "D"], result.State.Log);
        Assert.Equal((WorkflowStatus.Finished, WorkflowSubStatus.Faulted), (result.State.Status, result.State.SubStatus));
        var incident = Assert.Single(result.State.Incidents);
        Assert.Equal(("cfffbc06a0b6eeb0", "that went south", "110002"), (incident.ActivityId, incident.Message, incident.Code));
    }
}

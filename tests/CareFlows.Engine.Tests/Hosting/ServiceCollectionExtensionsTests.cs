using CareFlows.Engine.Definitions.Validation;
using CareFlows.Engine.Execution;
using CareFlows.Engine.Hosting;
using CareFlows.Engine.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace CareFlows.Engine.Tests.Hosting;

public class ServiceCollectionExtensionsTests
{
    [Fact]
    public async Task The_registered_engine_uses_the_registered_clock_and_runs_definitions()
    {
        var clock = new FakeTimeProvider(WorkflowTestFixture.Epoch);
        using var services = new ServiceCollection()
            .AddSingleton<TimeProvider>(clock)
            .AddCareFlowsEngine(o => o.MaxLoopIterations = 7)
            .BuildServiceProvider();

        var engine = services.GetRequiredService<WorkflowEngine>();
        var result = await engine.StartAsync(engine.Compile(TestSupport.Definitions.Compat("hello-world.json")).GetWorkflowOrThrow());

        Assert.Same(clock, engine.Clock);
        Assert.Equal(7, services.GetRequiredService<EngineOptions>().MaxLoopIterations);
        Assert.Equal(WorkflowTestFixture.Epoch, result.State.CreatedAt);
        Assert.True(services.GetRequiredService<WorkflowDefinitionValidator>().Validate(TestSupport.Definitions.Compat("fork.json")).IsValid);
    }
}

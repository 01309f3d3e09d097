using System.Text.Json.Nodes;
using CareFlows.Engine.Calendar;
using CareFlows.Engine.Definitions;
using CareFlows.Engine.Definitions.Validation;
using CareFlows.Engine.Execution;
using CareFlows.Engine.Expressions;
using CareFlows.Engine.Hosting;
using CareFlows.Engine.Tests.Expressions;
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

    [Fact]
    public void The_registered_calendar_follows_the_calendar_options_and_serves_scripts()
    {
        using var services = new ServiceCollection()
            .AddCareFlowsEngine(o => o.Calendar.TimeZone = "Pacific/Honolulu")
            .BuildServiceProvider();

        var calendar = services.GetRequiredService<BusinessCalendar>();
        var script = services.GetRequiredService<ExpressionCompiler>().Compile(
            new ExpressionDefinition(ExpressionDefinition.JavaScript, JsonValue.Create("addBusinessDays('2026-11-20', 2).toISOString()")),
            typeof(string),
            ExpressionTesting.Context());

        Assert.Equal("Pacific/Honolulu", calendar.TimeZone.Id);
        Assert.Equal("2026-11-25T03:00:00.000Z", script.Evaluate(new TestExpressionScope()));
    }
}

using System.Text.Json.Nodes;
using CareFlows.Engine.Definitions;
using CareFlows.Engine.Definitions.Serialization;
using CareFlows.Engine.Execution;

namespace CareFlows.Engine.Tests.TestSupport;

/// <summary>Runs definitions on a fake clock with reproducible ids.</summary>
public sealed class WorkflowTestFixture
{
    public static readonly DateTimeOffset Epoch = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    public WorkflowTestFixture(EngineOptions? options = null)
    {
        Engine = WorkflowEngine.CreateDefault(Clock, Ids, options);
    }

    public FakeTimeProvider Clock { get; } = new(Epoch);

    public SequentialIds Ids { get; } = new();

    public WorkflowEngine Engine { get; }

    public CompiledWorkflow Compile(WorkflowDefinition definition) => Engine.Compile(definition).GetWorkflowOrThrow();

    public CompiledWorkflow Compile(string json) => Compile(WorkflowDefinitionReader.Read(json));

    public async Task<RunResult> StartAsync(WorkflowDefinition definition, StartRequest? request = null) =>
        await Engine.StartAsync(Compile(definition), request);

    public async Task<RunResult> ResumeAsync(CompiledWorkflow workflow, WorkflowState state, string bookmarkId, JsonNode? input = null) =>
        await Engine.ResumeAsync(workflow, state, bookmarkId, input);
}

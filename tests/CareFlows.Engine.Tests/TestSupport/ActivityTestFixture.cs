using System.Text.Json.Nodes;
using CareFlows.Engine.Execution;

namespace CareFlows.Engine.Tests.TestSupport;

/// <summary>Runs one activity inside a flowchart that writes the name of each outcome port it leaves through.</summary>
public sealed class ActivityTestFixture
{
    public WorkflowTestFixture Workflow { get; } = new();

    public CompiledWorkflow? Compiled { get; private set; }

    /// <summary>Runs the activity; every listed outcome port leads to a WriteLine of the port's name.</summary>
    public async Task<RunResult> RunAsync(JsonObject activity, string[]? ports = null, JsonArray? variables = null, StartRequest? request = null)
    {
        var id = activity["id"]!.GetValue<string>();
        ports ??= ["Done"];
        var writers = ports.Select(p => Flows.WriteLine(p, "port-" + p)).ToArray();
        var connections = ports.Select(p => Flows.Connection(id, "port-" + p, p)).ToArray();
        Compiled = Workflow.Compile(Flows.Flowchart([activity, .. writers], connections, variables));
        return await Workflow.Engine.StartAsync(Compiled, request);
    }

    public async Task<RunResult> ResumeAsync(RunResult suspended, JsonNode? input = null, int bookmark = 0) =>
        await Workflow.Engine.ResumeAsync(Compiled!, suspended.State, suspended.State.Bookmarks[bookmark].Id, input);
}

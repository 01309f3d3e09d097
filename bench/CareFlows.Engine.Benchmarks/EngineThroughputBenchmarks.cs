using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using CareFlows.Engine.Definitions.Serialization;
using CareFlows.Engine.Execution;

namespace CareFlows.Engine.Benchmarks;

/// <summary>
/// In memory, on one thread: start-to-suspend and resume-to-finish of the 20-activity benchmark flowchart.
/// Each invocation runs a batch of instances, so the reported mean is per instance.
/// </summary>
[MemoryDiagnoser]
public class EngineThroughputBenchmarks
{
    private const int Batch = 10_000;
    private static readonly JsonObject Reached = new() { ["outcome"] = "Reached" };
    private readonly WorkflowState[] _suspended = new WorkflowState[Batch];
    private readonly string[] _bookmarks = new string[Batch];
    private WorkflowEngine _engine = null!;
    private CompiledWorkflow _workflow = null!;

    [GlobalSetup]
    public void Setup()
    {
        _engine = WorkflowEngine.CreateDefault();
        _workflow = _engine.Compile(WorkflowDefinitionReader.Read(BenchmarkWorkflow.Json())).GetWorkflowOrThrow();
        var check = Start();
        if (check.State.SubStatus != WorkflowSubStatus.Suspended || check.State.Log.Count != 3)
        {
            throw new InvalidOperationException($"The benchmark workflow did not suspend at its task: {check.State.SubStatus}, incidents: {string.Join("; ", check.State.Incidents.Select(i => i.Message))}");
        }

        var finished = Resume(check.State, check.State.Bookmarks[0].Id);
        if (finished.State.SubStatus != WorkflowSubStatus.Finished || finished.State.Log.Count != 5)
        {
            throw new InvalidOperationException($"The benchmark workflow did not finish: {finished.State.SubStatus}.");
        }
    }

    [IterationSetup(Target = nameof(ResumeToFinish))]
    public void SuspendBatch()
    {
        for (var i = 0; i < Batch; i++)
        {
            var result = Start();
            _suspended[i] = result.State;
            _bookmarks[i] = result.State.Bookmarks[0].Id;
        }
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    public int StartToSuspend()
    {
        var open = 0;
        for (var i = 0; i < Batch; i++)
        {
            open += Start().State.Bookmarks.Count;
        }

        return open;
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    public int ResumeToFinish()
    {
        var finished = 0;
        for (var i = 0; i < Batch; i++)
        {
            finished += Resume(_suspended[i], _bookmarks[i]).State.IsFinished ? 1 : 0;
        }

        return finished;
    }

    private RunResult Start() => _engine.StartAsync(_workflow).WaitForResult();

    private RunResult Resume(WorkflowState state, string bookmarkId) => _engine.ResumeAsync(_workflow, state, bookmarkId, Reached).WaitForResult();
}

using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using CareFlows.Engine.Activities;
using CareFlows.Engine.Activities.Composition;
using CareFlows.Engine.Calendar;
using CareFlows.Engine.Definitions;
using CareFlows.Engine.Execution;
using CareFlows.Engine.Expressions;
using CareFlows.Engine.Hosting;
using CareFlows.Engine.Ports;
using CareFlows.Server.Infrastructure;
using CareFlows.Server.Runtime;

namespace CareFlows.Server.Features.TestRuns;

/// <summary>
/// The test runs alive on this node, each owned by the user who started it. They live in memory only: an idle run is
/// let go after <see cref="IdleLifetime"/>, a user keeps at most <see cref="MaxPerUser"/> (starting another lets the
/// oldest go) and the node at most <see cref="MaxRuns"/>.
/// </summary>
public sealed class TestRuns(
    ActivityRegistry activities,
    ExpressionCompiler expressions,
    IIdentityGenerator ids,
    EngineOptions options,
    BusinessCalendar calendar,
    WorkflowCatalog catalog,
    TimeProvider clock) : IDisposable
{
    public static readonly TimeSpan IdleLifetime = TimeSpan.FromHours(2);
    public const int MaxPerUser = 5;
    public const int MaxRuns = 200;

    /// <summary>How deep dispatched children are looked for: a pathway that dispatches one that dispatches another.</summary>
    private const int MaxDispatchDepth = 4;

    private readonly ConcurrentDictionary<string, TestRun> _runs = new(StringComparer.Ordinal);

    /// <summary>
    /// Starts a run of <paramref name="definition"/> at <paramref name="startAt"/> (simulated): the children it
    /// dispatches run in the same sandbox, at their published versions.
    /// </summary>
    public async Task<TestRun> StartAsync(string ownerId, WorkflowDefinition definition, JsonObject? input, DateTimeOffset? startAt, CancellationToken cancellationToken)
    {
        Sweep();
        var simulated = new SimulatedClock(startAt ?? clock.GetUtcNow());
        var engine = new WorkflowEngine(activities, expressions, simulated, ids, options, calendar);
        var workflow = engine.Compile(definition).GetWorkflowOrThrow();
        var host = new InMemoryWorkflowHost(engine);
        var run = new TestRun(ids.NewId(), ownerId, workflow, simulated, host);
        try
        {
            foreach (var child in await DispatchedAsync(workflow, engine, cancellationToken))
            {
                host.Publish(child);
            }

            await run.UseAsync(clock.GetUtcNow(), r =>
            {
                r.Start(input);
                return r;
            }, cancellationToken);
        }
        catch
        {
            run.Dispose();
            throw;
        }

        foreach (var old in _runs.Values.Where(r => r.OwnerId == ownerId).OrderByDescending(r => r.LastUsed).Skip(MaxPerUser - 1).ToList())
        {
            Remove(old.Id);
        }

        foreach (var old in _runs.Values.OrderByDescending(r => r.LastUsed).Skip(MaxRuns - 1).ToList())
        {
            Remove(old.Id);
        }

        _runs[run.Id] = run;
        return run;
    }

    /// <summary>The caller's run, or 404: another user's run is as good as missing.</summary>
    public TestRun Get(string runId, string ownerId)
    {
        Sweep();
        return _runs.TryGetValue(runId, out var run) && run.OwnerId == ownerId
            ? run
            : throw new NotFoundException($"There is no test run {runId}; test runs end after {IdleLifetime.TotalHours:0} idle hours.");
    }

    public void End(string runId, string ownerId) => Remove(Get(runId, ownerId).Id);

    public void Dispose()
    {
        foreach (var id in _runs.Keys)
        {
            Remove(id);
        }
    }

    private void Remove(string runId)
    {
        if (_runs.TryRemove(runId, out var run))
        {
            run.Dispose();
        }
    }

    private void Sweep()
    {
        var before = clock.GetUtcNow() - IdleLifetime;
        foreach (var idle in _runs.Values.Where(r => r.LastUsed < before).ToList())
        {
            Remove(idle.Id);
        }
    }

    /// <summary>The published workflows <paramref name="workflow"/> dispatches, theirs in turn, compiled for the sandbox's engine.</summary>
    private async Task<List<CompiledWorkflow>> DispatchedAsync(CompiledWorkflow workflow, WorkflowEngine engine, CancellationToken cancellationToken)
    {
        var found = new List<CompiledWorkflow>();
        var seen = new HashSet<string>(StringComparer.Ordinal) { workflow.DefinitionId };
        var level = new List<CompiledWorkflow> { workflow };
        for (var depth = 0; depth < MaxDispatchDepth && level.Count > 0; depth++)
        {
            var next = new List<CompiledWorkflow>();
            foreach (var id in level.SelectMany(DispatchedIds).Where(seen.Add))
            {
                if (await catalog.FindPublishedAsync(id, cancellationToken) is { } published)
                {
                    next.Add(engine.Compile(published.Definition).GetWorkflowOrThrow());
                }
            }

            found.AddRange(next);
            level = next;
        }

        return found;
    }

    private static IEnumerable<string> DispatchedIds(CompiledWorkflow workflow) =>
        workflow.Activities.OfType<DispatchWorkflow>()
            .Select(d => d.WorkflowDefinitionId.TryGetConstant(out var id) ? id : null)
            .OfType<string>();
}

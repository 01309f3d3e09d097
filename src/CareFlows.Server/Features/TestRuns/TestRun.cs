using System.Text.Json.Nodes;
using CareFlows.Engine.Activities.Tasks;
using CareFlows.Engine.Bookmarks;
using CareFlows.Engine.Execution;
using CareFlows.Engine.Hosting;
using CareFlows.Server.Infrastructure;

namespace CareFlows.Server.Features.TestRuns;

/// <summary>
/// A draft running in a sandbox on simulated time: its own engine on a <see cref="SimulatedClock"/> and an in-memory
/// host, so timers fire when the clock is moved and tasks wait for completion from the designer. Nothing it does reaches
/// the database: no instance, task, journal entry or metric of the real system. One request at a time per run.
/// </summary>
public sealed class TestRun : IDisposable
{
    /// <summary>A run that keeps firing timers (a tight loop of delays) is stopped after this many, with the clock where it got to.</summary>
    public const int MaxTimersPerAdvance = 500;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly List<TestTaskRecord> _completed = [];

    internal TestRun(string id, string ownerId, CompiledWorkflow workflow, SimulatedClock clock, InMemoryWorkflowHost host)
    {
        Id = id;
        OwnerId = ownerId;
        Workflow = workflow;
        Clock = clock;
        Host = host;
        StartedAt = clock.GetUtcNow();
    }

    public string Id { get; }

    public string OwnerId { get; }

    public CompiledWorkflow Workflow { get; }

    public DateTimeOffset StartedAt { get; }

    /// <summary>When someone last used it, by the real clock: idle runs are let go.</summary>
    public DateTimeOffset LastUsed { get; private set; }

    internal SimulatedClock Clock { get; }

    internal InMemoryWorkflowHost Host { get; }

    internal string RootInstanceId { get; private set; } = "";

    internal IReadOnlyList<TestTaskRecord> CompletedTasks => _completed;

    /// <summary>Runs <paramref name="action"/> alone on this run and returns what the run looks like after it.</summary>
    public async Task<T> UseAsync<T>(DateTimeOffset now, Func<TestRun, T> action, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            LastUsed = now;
            return action(this);
        }
        catch (WorkflowNotPublishedException e)
        {
            throw new ConflictException($"{e.Message} Publish '{e.DefinitionId}' to test the pathways together.");
        }
        finally
        {
            _gate.Release();
        }
    }

    internal void Start(JsonObject? input)
    {
        var result = Host.Start(Workflow, new StartRequest
        {
            Input = input?.ToDictionary(p => p.Key, p => (object?)p.Value?.DeepClone()),
        });
        RootInstanceId = result.State.Id;
    }

    /// <summary>Moves the clock, firing timers one due time after another, and says how far it got.</summary>
    internal void Advance(AdvanceTestRunRequest request)
    {
        var now = Clock.GetUtcNow();
        DateTimeOffset destination;
        if (request.Next == true)
        {
            destination = Clock.NextDueAt ?? throw new ConflictException("No timer is waiting in this test run; complete a task or send an event instead.");
        }
        else
        {
            destination = request.To ?? now + request.By!.Value;
        }

        var fired = 0;
        while (Clock.NextDueAt is { } due && due <= destination)
        {
            if (++fired > MaxTimersPerAdvance)
            {
                throw new ConflictException($"The test run stopped at {Clock.GetUtcNow():u} after {MaxTimersPerAdvance} timers fired in one move; the workflow may loop on a timer.");
            }

            Clock.AdvanceTo(due < now ? now : due);
        }

        Clock.AdvanceTo(destination);
    }

    /// <summary>Completes an open task after checking the submission against its form, as the inbox does.</summary>
    internal void CompleteTask(string taskId, CompleteTestTaskRequest request)
    {
        var (instanceId, bookmark) = OpenTasks().FirstOrDefault(t => t.Bookmark.TaskId == taskId);
        if (bookmark is null)
        {
            throw new NotFoundException(_completed.Any(t => t.Id == taskId)
                ? $"Task {taskId} is already completed."
                : $"There is no open task {taskId} in this test run.");
        }

        var payload = bookmark.Payload;
        if (payload?["kind"]?.GetValue<string>() == nameof(HumanTask))
        {
            var form = TaskForm.Parse(payload["form"], out _);
            var outcomes = payload["outcomes"] is JsonArray list ? list.Select(o => o!.GetValue<string>()).ToList() : [];
            if (Features.Tasks.TaskFormValidators.Check(form, outcomes, request.Outcome, request.Data) is { } errors)
            {
                throw new UnprocessableException("The form has errors.", errors);
            }
        }

        Host.Resume(instanceId, bookmark.Id, new JsonObject { ["outcome"] = request.Outcome, ["data"] = request.Data?.DeepClone() });
        _completed.Add(new TestTaskRecord(taskId, instanceId, bookmark, request.Outcome, Clock.GetUtcNow()));
    }

    internal void PublishEvent(TestRunEventRequest request) =>
        Host.PublishEvent(request.EventName!, request.CorrelationKey, request.Payload?.DeepClone());

    /// <summary>Open task bookmarks of every instance in the run (children included), oldest first.</summary>
    internal IEnumerable<(string InstanceId, Bookmark Bookmark)> OpenTasks() =>
        Host.Instances.SelectMany(i => i.Bookmarks.Where(b => b.Kind == BookmarkKind.Task && b.TaskId is not null).Select(b => (i.Id, b)))
            .OrderBy(t => t.b.CreatedAt);

    public void Dispose()
    {
        Host.Dispose();
        _gate.Dispose();
    }
}

/// <summary>A task completed in a test run: its specification as created, and how it ended.</summary>
internal sealed record TestTaskRecord(string Id, string InstanceId, Bookmark Bookmark, string? Outcome, DateTimeOffset CompletedAt);

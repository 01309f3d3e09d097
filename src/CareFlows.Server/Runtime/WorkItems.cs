using System.Text.Json.Nodes;
using CareFlows.Engine.Execution;

namespace CareFlows.Server.Runtime;

/// <summary>A request queued for the burst pipeline; completed only after its batch commits.</summary>
internal abstract class WorkItem
{
    /// <summary>Answers the caller with the staged result, once the batch has committed.</summary>
    public abstract void Commit();

    public abstract void Fail(Exception exception);
}

internal abstract class WorkItem<TResult> : WorkItem
{
    private readonly TaskCompletionSource<TResult> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<TResult> Completion => _completion.Task;

    /// <summary>The result staged while the batch runs, published once it commits.</summary>
    public TResult? Staged { get; set; }

    public override void Commit() => _completion.TrySetResult(Staged!);

    public override void Fail(Exception exception) => _completion.TrySetException(exception);
}

internal sealed class StartWork(CompiledWorkflow workflow, StartRequest request) : WorkItem<InstanceSnapshot>
{
    public CompiledWorkflow Workflow => workflow;

    public StartRequest Request => request;
}

internal sealed class ResumeWork(string instanceId, string bookmarkId, JsonNode? input) : WorkItem<ResumeOutcome>
{
    public string InstanceId => instanceId;

    public string BookmarkId => bookmarkId;

    public JsonNode? Input => input;
}

internal sealed class CancelWork(string instanceId, string? reason) : WorkItem<ResumeOutcome>
{
    public string InstanceId => instanceId;

    public string? Reason => reason;
}

internal sealed class EventWork(string eventName, string? correlationKey, JsonNode? payload, string? idempotencyKey) : WorkItem<EventOutcome>
{
    public string EventName => eventName;

    public string? CorrelationKey => correlationKey;

    public JsonNode? Payload => payload;

    public string? IdempotencyKey => idempotencyKey;
}

using System.Text.Json.Nodes;
using CareFlows.Engine.Activities;
using CareFlows.Engine.Bookmarks;
using CareFlows.Engine.Expressions;

namespace CareFlows.Engine.Execution;

/// <summary>
/// What an activity sees while it runs: its inputs, the instance's variables, the clock, and the ways to
/// complete, wait (create a bookmark) or end the instance.
/// </summary>
public sealed class ActivityExecutionContext : IExpressionScope
{
    private readonly Burst _burst;
    private readonly ActivityNode _node;
    private List<string>? _outcomes;
    private List<string>? _portsWhileWaiting;

    internal ActivityExecutionContext(Burst burst, ActivityNode node, bool isTriggerOfWorkflow, JsonNode? resumeInput)
    {
        _burst = burst;
        _node = node;
        IsTriggerOfWorkflow = isTriggerOfWorkflow;
        ResumeInput = resumeInput;
    }

    public string ActivityId => _node.Id;

    public string ActivityType => _node.Type;

    /// <summary>The activity's display name.</summary>
    public string ActivityName => _node.DisplayName;

    /// <summary>True when this activity is the trigger that started the instance; triggers then complete at once.</summary>
    public bool IsTriggerOfWorkflow { get; }

    /// <summary>The input given when resuming a bookmark, or the trigger's input when started by a trigger.</summary>
    public JsonNode? ResumeInput { get; }

    /// <summary>The engine clock's current time.</summary>
    public DateTimeOffset Now => _burst.Now;

    /// <summary>The organisation's business-day calendar, for due times counted in business days.</summary>
    public Calendar.BusinessCalendar Calendar => _burst.Calendar;

    internal bool IsCompleted => _outcomes is not null;

    internal IReadOnlyList<string> Outcomes => _outcomes ?? [];

    internal int BookmarksCreated { get; private set; }

    /// <summary>True when a resumed activity stays waiting on its other open bookmarks instead of completing.</summary>
    internal bool KeepsWaiting { get; private set; }

    internal IReadOnlyList<string> PortsWhileWaiting => _portsWhileWaiting ?? [];

    /// <summary>
    /// On resume: the activity does not complete but keeps waiting on its other open bookmarks (a task whose deadline
    /// passed stays open). Without any other open bookmark it completes as usual.
    /// </summary>
    public void KeepWaiting() => KeepsWaiting = true;

    /// <summary>
    /// On resume: the flow continues from <paramref name="port"/> now, while the activity keeps waiting; when it later
    /// completes, that port's connections are not followed again.
    /// </summary>
    public void FollowWhileWaiting(string port)
    {
        KeepsWaiting = true;
        (_portsWhileWaiting ??= []).Add(port);
    }

    /// <summary>Evaluates an input.</summary>
    public T? Get<T>(Input<T> input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return input.Evaluate(this);
    }

    /// <summary>Writes an output: recorded on the activity and, when bound, into its variable.</summary>
    public void Set<T>(Output<T> output, T? value, string name = "result")
    {
        ArgumentNullException.ThrowIfNull(output);
        _burst.RecordOutput(_node, name, value);
        if (output.VariableName is { } variable)
        {
            SetVariable(variable, value);
        }
    }

    /// <summary>Completes the activity through one outcome port.</summary>
    public void Complete(string outcome = Activity.Done) => (_outcomes ??= []).Add(outcome);

    /// <summary>Completes the activity through several outcome ports at once (a fork, a match-any switch).</summary>
    public void Complete(IEnumerable<string> outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        (_outcomes ??= []).AddRange(outcomes);
    }

    /// <summary>Suspends this activity until the time comes.</summary>
    public Bookmark CreateTimer(DateTimeOffset dueAt, JsonObject? payload = null) =>
        AddBookmark(BookmarkKind.Timer, dueAt: dueAt, payload: payload);

    /// <summary>Suspends this activity until an event with this name (and correlation key, when given) arrives.</summary>
    public Bookmark CreateEventBookmark(string eventName, string? correlationKey, JsonObject? payload = null) =>
        AddBookmark(BookmarkKind.Event, eventName: eventName, correlationKey: correlationKey, payload: payload);

    /// <summary>Suspends this activity until the task is completed.</summary>
    public Bookmark CreateTaskBookmark(string taskId, JsonObject specification) =>
        AddBookmark(BookmarkKind.Task, taskId: taskId, payload: specification);

    /// <summary>Appends a line to the instance log.</summary>
    public void WriteLine(string? text) => _burst.WriteLine(_node, text ?? "");

    /// <summary>Completes the enclosing flowchart at once, cancelling whatever else is waiting in it.</summary>
    public void EndFlowchart() => _burst.RequestEnd(EndKind.Flowchart);

    /// <summary>Finishes the instance at once, removing every bookmark.</summary>
    public void FinishWorkflow() => _burst.RequestEnd(EndKind.Workflow);

    /// <summary>Sets a workflow output.</summary>
    public void SetWorkflowOutput(string name, object? value) => _burst.State.Output[name] = ValueConverter.Normalize(value);

    /// <summary>Publishes an event; local events go only to this instance.</summary>
    public void PublishEvent(string eventName, string? correlationKey, object? payload, bool isLocal) =>
        _burst.Publish(new PublishedEvent(eventName, correlationKey, ValueConverter.ToJson(payload), isLocal, _burst.State.Id));

    /// <summary>Asks the host to start a child instance in the same commit (<see cref="WorkflowDispatch"/>).</summary>
    public void DispatchWorkflow(WorkflowDispatch dispatch) => _burst.Dispatch(dispatch);

    /// <inheritdoc />
    public string InstanceId => _burst.State.Id;

    /// <inheritdoc />
    public string? CorrelationId
    {
        get => _burst.State.CorrelationId;
        set => _burst.State.CorrelationId = value;
    }

    /// <inheritdoc />
    public string? InstanceName
    {
        get => _burst.State.Name;
        set => _burst.State.Name = value;
    }

    /// <inheritdoc />
    public IEnumerable<string> VariableNames => _burst.Variables.Names;

    /// <inheritdoc />
    public IReadOnlyDictionary<string, object?> Input => _burst.State.Input;

    /// <inheritdoc />
    public object? LastResult => _burst.LastResult;

    /// <inheritdoc />
    public bool TryGetVariable(string name, out object? value) => _burst.Variables.TryGet(name, out value);

    /// <inheritdoc />
    public void SetVariable(string name, object? value) => _burst.Variables.Set(name, value);

    /// <inheritdoc />
    public object? GetOutputFrom(string activityNameOrId, string? outputName) => _burst.GetOutputFrom(activityNameOrId, outputName);

    /// <inheritdoc />
    public string NewId() => _burst.NewId();

    private Bookmark AddBookmark(BookmarkKind kind, DateTimeOffset? dueAt = null, string? eventName = null, string? correlationKey = null, string? taskId = null, JsonObject? payload = null)
    {
        BookmarksCreated++;
        var bookmark = new Bookmark
        {
            Id = _burst.NewBookmarkId(),
            Kind = kind,
            Name = _node.Type,
            ActivityId = _node.Id,
            CreatedAt = Now,
            DueAt = dueAt,
            EventName = eventName,
            CorrelationKey = correlationKey,
            TaskId = taskId,
            Payload = payload,
        };
        _burst.AddBookmark(_node, bookmark);
        return bookmark;
    }
}

/// <summary>An event published by an instance, delivered after the burst commits.</summary>
/// <param name="EventName">The event's name.</param>
/// <param name="CorrelationKey">The correlation key receivers must wait for, if any.</param>
/// <param name="Payload">The event's payload.</param>
/// <param name="IsLocal">True when only the publishing instance receives it.</param>
/// <param name="SourceInstanceId">The publishing instance.</param>
public sealed record PublishedEvent(string EventName, string? CorrelationKey, JsonNode? Payload, bool IsLocal, string SourceInstanceId);

internal enum EndKind
{
    None,
    Flowchart,
    Workflow,
}

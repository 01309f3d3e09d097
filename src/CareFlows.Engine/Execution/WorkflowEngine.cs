using System.Text.Json.Nodes;
using CareFlows.Engine.Activities;
using CareFlows.Engine.Calendar;
using CareFlows.Engine.Definitions;
using CareFlows.Engine.Definitions.Validation;
using CareFlows.Engine.Expressions;
using CareFlows.Engine.Ports;

namespace CareFlows.Engine.Execution;

/// <summary>
/// Compiles definitions and runs instances in bursts: start, resume a bookmark, cancel. Every call returns
/// the new state with the journal entries, bookmarks and events the caller persists together.
/// </summary>
public sealed class WorkflowEngine
{
    private readonly EngineServices _services;
    private readonly WorkflowDefinitionValidator _validator;

    public WorkflowEngine(ActivityRegistry activities, ExpressionCompiler expressions, TimeProvider clock, IIdentityGenerator ids, EngineOptions options, BusinessCalendar? calendar = null)
    {
        Activities = activities;
        Compiler = new WorkflowCompiler(activities, expressions);
        _validator = new WorkflowDefinitionValidator(activities, Compiler);
        _services = new EngineServices(clock, ids, options, calendar ?? new BusinessCalendar(options.Calendar));
    }

    /// <summary>An engine with every built-in activity and expression syntax.</summary>
    public static WorkflowEngine CreateDefault(TimeProvider? clock = null, IIdentityGenerator? ids = null, EngineOptions? options = null)
    {
        options ??= new EngineOptions();
        var calendar = new BusinessCalendar(options.Calendar);
        return new WorkflowEngine(
            ActivityRegistry.CreateDefault(),
            DefaultExpressionSyntaxes.CreateCompiler(options.Expressions, calendar),
            clock ?? TimeProvider.System,
            ids ?? new RandomIdentityGenerator(),
            options,
            calendar);
    }

    public ActivityRegistry Activities { get; }

    public WorkflowCompiler Compiler { get; }

    /// <summary>The engine's clock.</summary>
    public TimeProvider Clock => _services.Clock;

    /// <summary>Compiles a definition, or lists why it cannot run.</summary>
    public CompilationResult Compile(WorkflowDefinition definition) => Compiler.Compile(definition);

    /// <summary>Checks a definition and lists every problem with its JSON path (see <see cref="WorkflowDefinitionValidator"/>).</summary>
    public ValidationReport Validate(WorkflowDefinition definition) => _validator.Validate(definition);

    /// <summary>Starts a new instance and runs it until it waits or ends.</summary>
    public ValueTask<RunResult> StartAsync(CompiledWorkflow workflow, StartRequest? request = null)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        request ??= new StartRequest();
        var start = workflow.ResolveStart(request.TriggerActivityId)
            ?? throw new ArgumentException($"Activity '{request.TriggerActivityId}' does not exist in this definition.", nameof(request));
        var now = _services.Clock.GetUtcNow();
        var state = new WorkflowState
        {
            Id = request.InstanceId ?? _services.Ids.NewId(),
            DefinitionId = workflow.DefinitionId,
            DefinitionVersionId = workflow.DefinitionVersionId,
            DefinitionVersion = workflow.Version,
            Name = request.Name,
            CorrelationId = request.CorrelationId,
            ParentInstanceId = request.ParentInstanceId,
            StartActivityId = start.Id,
            CreatedAt = now,
            UpdatedAt = now,
        };
        foreach (var (key, value) in request.Input ?? new Dictionary<string, object?>())
        {
            state.Input[key] = VariableStore.AsJsonShape(value);
        }

        var burst = new Burst(workflow, state, _services);
        burst.Variables.Initialize();
        return burst.StartAsync(start, request.TriggerActivityId is not null, request.TriggerInput);
    }

    /// <summary>Consumes an open bookmark and continues the instance until it waits or ends.</summary>
    public ValueTask<RunResult> ResumeAsync(CompiledWorkflow workflow, WorkflowState state, string bookmarkId, JsonNode? input = null)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        ArgumentNullException.ThrowIfNull(state);
        if (state.IsFinished)
        {
            throw new InstanceFinishedException(state.Id, state.SubStatus);
        }

        var bookmark = state.FindBookmark(bookmarkId) ?? throw new BookmarkNotFoundException(state.Id, bookmarkId);
        if (workflow.FindNode(bookmark.ActivityId)?.Activity.ValidateResumeInput(bookmark, input) is { } problem)
        {
            throw new InvalidResumeInputException(state.Id, bookmarkId, problem);
        }

        return new Burst(workflow, state, _services).ResumeAsync(bookmark, input);
    }

    /// <summary>Cancels an instance: every bookmark is removed and nothing further runs.</summary>
    public RunResult Cancel(CompiledWorkflow workflow, WorkflowState state, string? reason = null)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        ArgumentNullException.ThrowIfNull(state);
        if (state.IsFinished)
        {
            throw new InstanceFinishedException(state.Id, state.SubStatus);
        }

        return new Burst(workflow, state, _services).Cancel(reason);
    }
}

/// <summary>How to start an instance.</summary>
public sealed record StartRequest
{
    /// <summary>The new instance's id; generated when absent.</summary>
    public string? InstanceId { get; init; }

    public string? CorrelationId { get; init; }

    public string? Name { get; init; }

    /// <summary>Workflow input, readable with <c>getInput(name)</c>.</summary>
    public IReadOnlyDictionary<string, object?>? Input { get; init; }

    /// <summary>The trigger activity that fired; it becomes the start activity and completes at once.</summary>
    public string? TriggerActivityId { get; init; }

    /// <summary>What the trigger received (an event's payload, for example).</summary>
    public JsonNode? TriggerInput { get; init; }

    /// <summary>The instance that dispatched this one (<see cref="WorkflowDispatch"/>), which hears when it ends.</summary>
    public string? ParentInstanceId { get; init; }
}

/// <summary>The bookmark is not open on the instance: it never existed, or it was already consumed.</summary>
public sealed class BookmarkNotFoundException(string instanceId, string bookmarkId)
    : Exception($"Instance {instanceId} has no open bookmark {bookmarkId}; it may have been resumed already.")
{
    public string InstanceId => instanceId;

    public string BookmarkId => bookmarkId;
}

/// <summary>Input offered to resume a bookmark was refused; nothing changed.</summary>
public sealed class InvalidResumeInputException(string instanceId, string bookmarkId, string problem)
    : Exception(problem)
{
    public string InstanceId => instanceId;

    public string BookmarkId => bookmarkId;
}

/// <summary>The instance has finished and cannot change any more.</summary>
public sealed class InstanceFinishedException(string instanceId, WorkflowSubStatus subStatus)
    : Exception($"Instance {instanceId} is {subStatus} and cannot change any more.")
{
    public string InstanceId => instanceId;

    public WorkflowSubStatus SubStatus => subStatus;
}

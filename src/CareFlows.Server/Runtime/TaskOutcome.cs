namespace CareFlows.Server.Runtime;

/// <summary>What happened to a person's request about an inbox task.</summary>
public enum TaskOutcomeStatus
{
    /// <summary>The change committed.</summary>
    Done,

    /// <summary>There is no such task, or the actor may not see it.</summary>
    NotFound,

    /// <summary>The actor may see the task but not do this to it.</summary>
    Forbidden,

    /// <summary>The task's state does not allow it (already completed, claimed by someone else …). Nothing changed.</summary>
    Conflict,

    /// <summary>The request's data breaks the task's form or outcomes. Nothing changed.</summary>
    Invalid,
}

/// <summary>The answer to a request about an inbox task; <see cref="Errors"/> lists invalid data by JSON path.</summary>
public sealed record TaskOutcome(TaskOutcomeStatus Status, string? Problem = null, IReadOnlyDictionary<string, string[]>? Errors = null)
{
    /// <summary>When the change committed, the task as it left it.</summary>
    public StoredTask? Task { get; init; }

    public static readonly TaskOutcome Done = new(TaskOutcomeStatus.Done);

    public static readonly TaskOutcome NotFound = new(TaskOutcomeStatus.NotFound, "There is no such task.");

    public static TaskOutcome Forbidden(string problem) => new(TaskOutcomeStatus.Forbidden, problem);

    public static TaskOutcome Conflict(string problem) => new(TaskOutcomeStatus.Conflict, problem);
}

using CareFlows.Engine.Execution;

namespace CareFlows.Server.Runtime;

/// <summary>An instance as a burst left it.</summary>
public sealed record InstanceSnapshot(
    string Id,
    string DefinitionId,
    string DefinitionVersionId,
    int DefinitionVersion,
    string? CorrelationId,
    WorkflowStatus Status,
    WorkflowSubStatus SubStatus,
    int OpenBookmarks,
    int Incidents)
{
    public static InstanceSnapshot Of(WorkflowState state) => new(
        state.Id,
        state.DefinitionId,
        state.DefinitionVersionId,
        state.DefinitionVersion,
        state.CorrelationId,
        state.Status,
        state.SubStatus,
        state.Bookmarks.Count,
        state.Incidents.Count);
}

/// <summary>What happened to a request to resume one bookmark.</summary>
public enum ResumeStatus
{
    /// <summary>The bookmark was consumed and the instance ran on.</summary>
    Resumed,

    /// <summary>The instance has no such open bookmark: it was consumed already, or never existed. Nothing changed.</summary>
    BookmarkNotOpen,

    /// <summary>There is no such instance.</summary>
    InstanceNotFound,

    /// <summary>The instance has ended. Nothing changed.</summary>
    InstanceFinished,

    /// <summary>The activity refused the input. Nothing changed.</summary>
    InvalidInput,
}

public sealed record ResumeOutcome(ResumeStatus Status, InstanceSnapshot? Instance = null, string? Problem = null);

/// <summary>What happened to a published event.</summary>
public enum EventDisposition
{
    /// <summary>Waiting instances were resumed or new instances started.</summary>
    Delivered,

    /// <summary>Nothing waited for it yet; it is kept until it expires.</summary>
    Buffered,

    /// <summary>An event with the same idempotency key was already applied; this one was not.</summary>
    Duplicate,
}

/// <param name="Disposition">Whether the event was applied, buffered or ignored as a duplicate.</param>
/// <param name="Resumed">Instances whose bookmark the event resumed.</param>
/// <param name="Started">Instances the event started through an Event trigger.</param>
public sealed record EventOutcome(EventDisposition Disposition, IReadOnlyList<string> Resumed, IReadOnlyList<string> Started);

/// <summary>Two writers raced for one instance and this one lost more often than it may retry.</summary>
public sealed class InstanceConflictException(string instanceId)
    : Exception($"Instance {instanceId} was changed by another request at the same time; try again.")
{
    public string InstanceId => instanceId;
}

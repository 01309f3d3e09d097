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

    /// <summary>The bookmark was consumed already (resumed, or removed with its branch). Nothing changed.</summary>
    BookmarkNotOpen,

    /// <summary>There is no such instance.</summary>
    InstanceNotFound,

    /// <summary>The instance has ended. Nothing changed.</summary>
    InstanceFinished,

    /// <summary>The instance never had such a bookmark. Nothing changed.</summary>
    BookmarkNotFound,

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

    /// <summary>Nothing waited for it and it was published not to be kept (<see cref="UnheardEvents.Drop"/>); nothing changed.</summary>
    Unheard,
}

/// <summary>What becomes of an event that no instance waits for and no trigger starts from.</summary>
public enum UnheardEvents
{
    /// <summary>Kept until an instance reaches a wait point for it, or it expires: for answers that may beat their question.</summary>
    Buffer,

    /// <summary>
    /// Dropped: for news that concerns only what is running now, such as a hospital admission, which must not end a
    /// follow-up that starts days later.
    /// </summary>
    Drop,
}

/// <param name="Disposition">Whether the event was applied, buffered or ignored as a duplicate.</param>
/// <param name="Resumed">Instances whose bookmark the event resumed.</param>
/// <param name="Started">Instances the event started through an Event trigger.</param>
public sealed record EventOutcome(EventDisposition Disposition, IReadOnlyList<string> Resumed, IReadOnlyList<string> Started);

/// <summary>Two writers raced for one instance (or one task) and this one lost more often than it may retry.</summary>
public sealed class InstanceConflictException : Exception
{
    public InstanceConflictException(string instanceId)
        : this(instanceId, $"Instance {instanceId} was changed by another request at the same time; try again.")
    {
    }

    public InstanceConflictException(string instanceId, string message)
        : base(message) => InstanceId = instanceId;

    /// <summary>The instance raced for, or the task whose guarded revision moved; empty when the race was for events.</summary>
    public string InstanceId { get; }
}

/// <summary>
/// An idempotency key came back with a different request (event name, correlation key or payload) than it was first
/// used for. Nothing was applied: a key names one request, and reusing it for another is a client's mistake that must
/// not silently drop the second event.
/// </summary>
public sealed class IdempotencyConflictException(string message) : Exception(message)
{
    internal static void ThrowIfDifferent(string idempotencyKey, ReceiptRow first, string eventName, string? correlationKey, string? payloadHash)
    {
        var differences = new List<string>();
        if (!string.Equals(first.EventName, eventName, StringComparison.Ordinal))
        {
            differences.Add($"event '{first.EventName}', not '{eventName}'");
        }

        // A key recorded before payloads were has only its event name to compare.
        var recordedInFull = first.PayloadHash is not null;
        if (recordedInFull && !string.Equals(first.CorrelationKey, correlationKey, StringComparison.Ordinal))
        {
            differences.Add($"correlation key {Quoted(first.CorrelationKey)}, not {Quoted(correlationKey)}");
        }

        if (recordedInFull && !string.Equals(first.PayloadHash, payloadHash, StringComparison.Ordinal))
        {
            differences.Add("a different payload");
        }

        if (differences.Count > 0)
        {
            throw new IdempotencyConflictException(
                $"Idempotency key '{idempotencyKey}' was first used with {string.Join(", ", differences)}; nothing was applied. Use a new key for a different event.");
        }
    }

    private static string Quoted(string? value) => value is null ? "none" : $"'{value}'";
}

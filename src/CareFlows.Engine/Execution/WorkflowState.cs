using CareFlows.Engine.Bookmarks;

namespace CareFlows.Engine.Execution;

/// <summary>
/// Everything about one running instance. It is a plain document: serialized after a burst and loaded
/// again, possibly by another process, it resumes exactly as if it had never left memory.
/// </summary>
public sealed class WorkflowState
{
    public required string Id { get; init; }

    public required string DefinitionId { get; init; }

    /// <summary>The definition version the instance is pinned to.</summary>
    public required string DefinitionVersionId { get; init; }

    public int DefinitionVersion { get; init; }

    public string? Name { get; set; }

    public string? CorrelationId { get; set; }

    /// <summary>The instance that dispatched this one, which hears when it ends.</summary>
    public string? ParentInstanceId { get; init; }

    public WorkflowStatus Status { get; set; } = WorkflowStatus.Running;

    public WorkflowSubStatus SubStatus { get; set; } = WorkflowSubStatus.Pending;

    /// <summary>The activity the instance started from; joins only count connections reachable from it.</summary>
    public string? StartActivityId { get; set; }

    public Dictionary<string, object?> Input { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    public Dictionary<string, object?> Output { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Variable values by name.</summary>
    public Dictionary<string, object?> Variables { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Per-activity status, run count and outputs, by activity id.</summary>
    public Dictionary<string, ActivityRecord> Activities { get; init; } = new(StringComparer.Ordinal);

    public List<Bookmark> Bookmarks { get; init; } = [];

    public List<Incident> Incidents { get; init; } = [];

    /// <summary>Lines written by WriteLine, in order.</summary>
    public List<string> Log { get; init; } = [];

    /// <summary>Flowchart bookkeeping: which connections were visited and followed, which joins fired, loop counts.</summary>
    public FlowState Flow { get; init; } = new();

    /// <summary>The id of the activity that ran last and produced a result, for <c>getLastResult()</c>.</summary>
    public string? LastResultActivityId { get; set; }

    /// <summary>Sequence number of the last journal entry written for this instance.</summary>
    public long JournalSequence { get; set; }

    /// <summary>How many bookmarks the instance has created; the last one's id ends with this number (see <see cref="BookmarkIds"/>).</summary>
    public long BookmarkSequence { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>True once the instance can no longer change.</summary>
    public bool IsFinished => Status == WorkflowStatus.Finished;

    /// <summary>The open bookmark with this id, or null.</summary>
    public Bookmark? FindBookmark(string bookmarkId) => Bookmarks.Find(b => b.Id == bookmarkId);
}

/// <summary>Flowchart bookkeeping kept between bursts.</summary>
public sealed class FlowState
{
    /// <summary>Per connection index: 0 not visited, 1 visited but not followed, 2 followed.</summary>
    public Dictionary<int, ConnectionMark> Connections { get; init; } = [];

    /// <summary>Activities that ran or were skipped in the current pass (loops reset their downstream).</summary>
    public HashSet<string> Fired { get; init; } = new(StringComparer.Ordinal);

    /// <summary>How often each backward connection (loop) has been followed, by connection index.</summary>
    public Dictionary<int, int> LoopIterations { get; init; } = [];
}

/// <summary>What happened to a connection in the current pass.</summary>
public enum ConnectionMark : byte
{
    NotVisited = 0,
    Visited = 1,
    Followed = 2,
}

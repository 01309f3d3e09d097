namespace CareFlows.Server.Persistence.Entities;

/// <summary>
/// A task in the coordinators' inbox, created in the transaction that creates its bookmark, with the columns the inbox
/// filters and sorts on; its lifecycle follows FHIR Task (<see cref="InboxTaskStatus"/>). The bookmark payload it was
/// made from stays in the instance's state; what the inbox shows and the form it validates are copied here.
/// </summary>
public sealed class InboxTaskRecord
{
    public required string Id { get; set; }

    public required string InstanceId { get; set; }

    /// <summary>The bookmark the instance waits on while the task is open.</summary>
    public required string BookmarkId { get; set; }

    public required string DefinitionId { get; set; }

    public int DefinitionVersion { get; set; }

    /// <summary>The pathway's name (the definition's name when the task was created).</summary>
    public string? Pathway { get; set; }

    /// <summary>The activity that created the task.</summary>
    public required string ActivityId { get; set; }

    /// <summary>HumanTask, or RunTask for a generic task.</summary>
    public required string Kind { get; set; }

    public required string Title { get; set; }

    public string? Instructions { get; set; }

    public string? PatientId { get; set; }

    public string? PatientName { get; set; }

    public string? PatientMrn { get; set; }

    public DateOnly? PatientBirthDate { get; set; }

    /// <summary>The pathway's stage (FHIR Task.businessStatus).</summary>
    public string? BusinessStatus { get; set; }

    /// <summary>FHIR Task.status, see <see cref="InboxTaskStatus"/>.</summary>
    public required string Status { get; set; }

    /// <summary>FHIR request priority: routine, urgent, asap or stat.</summary>
    public required string Priority { get; set; }

    /// <summary>The priority as a number to sort on: routine 0, urgent 1, asap 2, stat 3.</summary>
    public int PriorityRank { get; set; }

    /// <summary>The user the task is assigned to or who claimed it; null while it waits in its teams' queues.</summary>
    public string? Owner { get; set; }

    public DateTime? DueAt { get; set; }

    public DateTime? FollowUpAt { get; set; }

    /// <summary>The form to fill in, as JSON (fields with type, label, constraints); null when there is none.</summary>
    public string? Form { get; set; }

    /// <summary>The outcomes it may be completed with, as a JSON array.</summary>
    public required string Outcomes { get; set; }

    /// <summary>RunTask: the data the task was requested with, as JSON.</summary>
    public string? Input { get; set; }

    public string? Outcome { get; set; }

    /// <summary>The data submitted with the completion, as JSON.</summary>
    public string? Result { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public DateTime? StartedAt { get; set; }

    public DateTime? EndedAt { get; set; }

    /// <summary>Grows with every change, so that two changes made at once cannot both apply.</summary>
    public long Revision { get; set; }

    public InboxTaskRecord Copy() => (InboxTaskRecord)MemberwiseClone();
}

/// <summary>
/// A team in whose queue a task appears, with what the queue is read by, kept by the runtime's writer with every change
/// to the task: whether it waits there now (ready and unclaimed), its due time and its priority. The team's queue is
/// then one range of one index, however many tasks the inbox holds.
/// </summary>
public sealed class InboxTaskTeamRecord
{
    /// <summary>The sort key of a task without a due time: after every real one.</summary>
    public static readonly DateTime NoDueTime = new(9999, 12, 31, 0, 0, 0, DateTimeKind.Utc);

    public required string TaskId { get; set; }

    public required string Team { get; set; }

    /// <summary>True while the task waits in the queue: ready and nobody's.</summary>
    public bool Queued { get; set; }

    /// <summary>The task's due time, or <see cref="NoDueTime"/>.</summary>
    public DateTime DueAt { get; set; }

    /// <summary>The task's priority rank (routine 0 … stat 3).</summary>
    public int PriorityRank { get; set; }

    /// <summary>A task's teams in the one order every answer shows them in (ordinal).</summary>
    public static IReadOnlyList<string> InOrder(IEnumerable<string> teams) => [.. teams.Order(StringComparer.Ordinal)];

    /// <summary>Whether a task with this status and owner waits in its teams' queues.</summary>
    public static bool IsQueued(string status, string? owner) => status == InboxTaskStatus.Ready && owner is null;
}

/// <summary>One change in a task's life, with who made it and when; never updated or deleted.</summary>
public sealed class InboxTaskHistoryRecord
{
    public long Id { get; set; }

    public required string TaskId { get; set; }

    public DateTime At { get; set; }

    /// <summary>The user who made the change; null for the workflow or the system (a deadline, a cancellation).</summary>
    public string? Actor { get; set; }

    /// <summary>What happened: created, claimed, completed, cancelled …</summary>
    public required string Action { get; set; }

    /// <summary>The task's status after the change.</summary>
    public required string Status { get; set; }

    /// <summary>What changed, as JSON (for example the outcome, or the previous and new owner).</summary>
    public string? Details { get; set; }
}

/// <summary>FHIR R4 Task.status values an inbox task takes.</summary>
public static class InboxTaskStatus
{
    public const string Ready = "ready";
    public const string InProgress = "in-progress";
    public const string OnHold = "on-hold";
    public const string Completed = "completed";
    public const string Cancelled = "cancelled";
    public const string Failed = "failed";

    /// <summary>The statuses of a task still in someone's inbox: it can be worked, and it can be late.</summary>
    public static readonly string[] Open = [Ready, InProgress, OnHold];

    public static bool IsOpen(string status) => Open.Contains(status);
}

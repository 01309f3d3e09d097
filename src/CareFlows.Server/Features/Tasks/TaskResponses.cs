using System.Text.Json.Nodes;
using CareFlows.Server.Inbox;
using CareFlows.Server.Persistence.Entities;

namespace CareFlows.Server.Features.Tasks;

/// <summary>The patient a task concerns.</summary>
public sealed record TaskPatientResponse(string? Id, string? Name, string? Mrn, DateOnly? BirthDate);

/// <summary>How the caller reads a task that is not theirs to read otherwise: through break-the-glass access.</summary>
/// <param name="ThroughGrant">Always true: the caller reads the task only because they broke the glass for its patient.</param>
/// <param name="GrantId">The grant's id, as the audit log names it.</param>
/// <param name="GrantExpiresAt">When the access ends.</param>
/// <param name="Reason">The reason the caller gave, recorded with every read through the grant.</param>
public sealed record TaskAccessResponse(bool ThroughGrant, string GrantId, DateTime GrantExpiresAt, string Reason)
{
    public static TaskAccessResponse? Of(PatientGrant? grant) => grant is null ? null : new(true, grant.Id, grant.ExpiresAt, grant.Reason);
}

/// <summary>An inbox task: what to do, for whom, by when, who holds it, and how to complete it.</summary>
/// <param name="Id">The task's id.</param>
/// <param name="Kind">HumanTask, or RunTask for a generic task.</param>
/// <param name="Title">What to do.</param>
/// <param name="Instructions">How to do it.</param>
/// <param name="Patient">The patient it concerns.</param>
/// <param name="Pathway">The pathway's name.</param>
/// <param name="DefinitionId">The pathway's definition.</param>
/// <param name="DefinitionVersion">The version the instance runs.</param>
/// <param name="InstanceId">The instance waiting for it.</param>
/// <param name="BusinessStatus">The pathway's stage.</param>
/// <param name="Status">FHIR Task.status: ready, in-progress, on-hold, completed, cancelled or failed.</param>
/// <param name="Priority">routine, urgent, asap or stat.</param>
/// <param name="Owner">The user who holds it; null while it waits in its teams' queues.</param>
/// <param name="Teams">The teams in whose queues it appears.</param>
/// <param name="DueAt">When it is due.</param>
/// <param name="FollowUpAt">When to look at it again.</param>
/// <param name="Overdue">True when it is open and its due time has passed.</param>
/// <param name="Form">The form to fill in when completing it.</param>
/// <param name="Outcomes">The outcomes it may be completed with.</param>
/// <param name="Input">A generic task's input data.</param>
/// <param name="Outcome">The outcome it was completed with.</param>
/// <param name="Result">The data it was completed with.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="UpdatedAt">When it last changed.</param>
/// <param name="StartedAt">When it was last claimed.</param>
/// <param name="EndedAt">When it was completed or cancelled.</param>
/// <param name="Access">How the caller reads it, when only through break-the-glass access; null when it is theirs (or their role's) to read.</param>
public sealed record TaskResponse(
    string Id,
    string Kind,
    string Title,
    string? Instructions,
    TaskPatientResponse? Patient,
    string? Pathway,
    string DefinitionId,
    int DefinitionVersion,
    string InstanceId,
    string? BusinessStatus,
    string Status,
    string Priority,
    string? Owner,
    IReadOnlyList<string> Teams,
    DateTime? DueAt,
    DateTime? FollowUpAt,
    bool Overdue,
    JsonNode? Form,
    IReadOnlyList<string> Outcomes,
    JsonNode? Input,
    string? Outcome,
    JsonNode? Result,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    DateTime? StartedAt,
    DateTime? EndedAt,
    TaskAccessResponse? Access = null);

/// <summary>A page of tasks, with how many match in all.</summary>
public sealed record TaskPageResponse(IReadOnlyList<TaskResponse> Items, int Total, int Page, int PageSize);

/// <summary>One change in a task's life.</summary>
/// <param name="Id">The entry's id, in the order the changes were made.</param>
/// <param name="At">When.</param>
/// <param name="Status">The task's status after the change.</param>
/// <param name="Actor">The user who made it; null for the workflow or the system.</param>
/// <param name="Action">created, claimed, unclaimed, reassigned, delegated, held, released, commented, attempted, completed, cancelled …</param>
/// <param name="Details">What changed: the outcome, the previous and new owner, a comment's text, an attempt's channel and result.</param>
public sealed record TaskHistoryResponse(long Id, DateTime At, string? Actor, string Action, string Status, JsonNode? Details);

/// <summary>How many tasks wait in each of the user's queues.</summary>
/// <param name="Mine">Open tasks the user holds.</param>
/// <param name="MineOverdue">Of those, how many are overdue.</param>
/// <param name="Teams">Unclaimed tasks in each of the user's teams' queues, by team id.</param>
public sealed record TaskCountsResponse(int Mine, int MineOverdue, IReadOnlyDictionary<string, int> Teams);

internal static class TaskMapping
{
    /// <summary>The task as the caller reads it; <paramref name="grant"/> is the break-the-glass grant they read it through, if any.</summary>
    public static TaskResponse ToResponse(this InboxTaskRecord t, IReadOnlyList<string> teams, DateTime now, PatientGrant? grant = null) => new(
        t.Id,
        t.Kind,
        t.Title,
        t.Instructions,
        t.PatientId is null && t.PatientName is null && t.PatientMrn is null ? null : new TaskPatientResponse(t.PatientId, t.PatientName, t.PatientMrn, t.PatientBirthDate),
        t.Pathway,
        t.DefinitionId,
        t.DefinitionVersion,
        t.InstanceId,
        t.BusinessStatus,
        t.Status,
        t.Priority,
        t.Owner,
        teams,
        t.DueAt,
        t.FollowUpAt,
        InboxTaskStatus.IsOpen(t.Status) && t.DueAt < now,
        Json(t.Form),
        OutcomesOf(t),
        Json(t.Input),
        t.Outcome,
        Json(t.Result),
        t.CreatedAt,
        t.UpdatedAt,
        t.StartedAt,
        t.EndedAt,
        TaskAccessResponse.Of(grant));

    public static TaskHistoryResponse ToResponse(this InboxTaskHistoryRecord h) => new(h.Id, h.At, h.Actor, h.Action, h.Status, Json(h.Details));

    /// <summary>The outcomes the task may be completed with, as stored.</summary>
    public static List<string> OutcomesOf(InboxTaskRecord t) =>
        Json(t.Outcomes)?.AsArray().Select(o => o!.GetValue<string>()).ToList() ?? [];

    private static JsonNode? Json(string? text) => text is null ? null : JsonNode.Parse(text);
}

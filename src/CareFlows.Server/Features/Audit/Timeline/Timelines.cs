using System.Text.Json.Nodes;
using CareFlows.Server.Features.Audit.SearchRecords;
using CareFlows.Server.Infrastructure;
using CareFlows.Server.Persistence;
using CareFlows.Server.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace CareFlows.Server.Features.Audit.Timeline;

/// <summary>
/// An instance's or a patient's whole history, joined from the three places it is kept: the journal (what the engine
/// did), the task history (what people did to the tasks) and the audit log (who read or changed what, and from where).
/// </summary>
public static class Timelines
{
    /// <summary>The most entries a timeline holds; a longer history shows its newest.</summary>
    public const int MaxEntries = 5000;

    public static async Task<TimelineResponse> OfInstanceAsync(CareFlowsDbContext db, string instanceId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!await db.Instances.AnyAsync(i => i.Id == instanceId, cancellationToken)
            && !await db.AuditRecords.AnyAsync(r => r.InstanceId == instanceId, cancellationToken))
        {
            throw new NotFoundException($"Instance {instanceId} does not exist and the audit log does not name it.");
        }

        var taskIds = await db.Tasks.AsNoTracking().Where(t => t.InstanceId == instanceId).Select(t => t.Id).ToListAsync(cancellationToken);
        var audit = db.AuditRecords.AsNoTracking().Where(r => r.InstanceId == instanceId);
        return await JoinAsync(db, instanceId, [instanceId], taskIds, audit, cancellationToken);
    }

    /// <summary>A patient's history, the patient named by their id as tasks name it (for example <c>Patient/123</c>) or their MRN.</summary>
    public static async Task<TimelineResponse> OfPatientAsync(CareFlowsDbContext db, string patientId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var tasks = await db.Tasks.AsNoTracking().Where(t => t.PatientId == patientId || t.PatientMrn == patientId)
            .Select(t => new { t.Id, t.InstanceId, t.PatientId }).ToListAsync(cancellationToken);
        var patientIds = tasks.Select(t => t.PatientId).OfType<string>().Append(patientId).Distinct(StringComparer.Ordinal).ToList();
        var audit = patientIds.Select(p => AuditRecordsQuery.About(db.AuditRecords.AsNoTracking(), p)).Aggregate((all, next) => all.Union(next));
        return await JoinAsync(db, patientId, [.. tasks.Select(t => t.InstanceId).Distinct(StringComparer.Ordinal)], [.. tasks.Select(t => t.Id)], audit, cancellationToken);
    }

    private static async Task<TimelineResponse> JoinAsync(
        CareFlowsDbContext db, string subject, List<string> instanceIds, List<string> taskIds, IQueryable<AuditRecord> audit, CancellationToken cancellationToken)
    {
        // Each source gives at most MaxEntries + 1 of its newest, which is enough to know the joined whole is longer.
        var journal = await db.Journal.AsNoTracking().Where(j => instanceIds.Contains(j.InstanceId))
            .OrderByDescending(j => j.Timestamp).Take(MaxEntries + 1).ToListAsync(cancellationToken);
        var history = await db.TaskHistory.AsNoTracking().Where(h => taskIds.Contains(h.TaskId))
            .Join(db.Tasks, h => h.TaskId, t => t.Id, (h, t) => new { History = h, t.InstanceId })
            .OrderByDescending(h => h.History.At).Take(MaxEntries + 1).ToListAsync(cancellationToken);
        var records = await audit.OrderByDescending(r => r.Sequence).Take(MaxEntries + 1).ToListAsync(cancellationToken);
        var names = await AuditActorNames.OfAsync(db, records, cancellationToken);
        var people = await AuditActorNames.OfUsersAsync(db, history.Select(h => h.History.Actor), cancellationToken);

        var entries = journal.Select(j => new TimelineEntry(
                j.Timestamp, "journal", $"{j.EventName} {j.ActivityName ?? j.ActivityId}", j.InstanceId, null, null, null, null, null,
                j.Message is null ? null : new JsonObject { ["message"] = j.Message, ["activityType"] = j.ActivityType }))
            .Concat(history.Select(h => new TimelineEntry(
                h.History.At, "task", h.History.Action, h.InstanceId, h.History.TaskId, h.History.Actor,
                h.History.Actor is { } actor ? people.GetValueOrDefault(actor) : null, h.History.Status, null,
                h.History.Details is null ? null : JsonNode.Parse(h.History.Details))))
            .Concat(records.Select(r => new TimelineEntry(
                r.OccurredAt, "audit", r.Operation, r.InstanceId, r.EntityType == "task" ? r.EntityId : null, r.ActorId,
                r.ActorId is { } id ? names.GetValueOrDefault(id) : null, r.Outcome, r.Sequence, null, r.PurposeOfUse, r.Reason)))
            .OrderByDescending(e => e.At)
            .ToList();
        var truncated = entries.Count > MaxEntries;
        return new TimelineResponse(subject, [.. entries.Take(MaxEntries).OrderBy(e => e.At).ThenBy(e => e.Sequence)], truncated);
    }

}

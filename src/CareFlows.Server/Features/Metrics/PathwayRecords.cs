using System.Text.Json.Nodes;
using CareFlows.Server.Persistence;
using CareFlows.Server.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace CareFlows.Server.Features.Metrics;

/// <summary>An instance of a pathway with the facts it recorded: its variables and outputs, read once.</summary>
internal sealed record PathwayInstance(WorkflowInstanceRecord Record, JsonObject Variables, JsonObject Output)
{
    public JsonNode? Variable(string name) => Variables[name];
}

/// <summary>What the metrics read: a pathway's instances, and its tasks with their history.</summary>
internal sealed class PathwayRecords(CareFlowsDbContext db)
{
    /// <summary>The instances of <paramref name="definitionId"/> created from <paramref name="createdFrom"/> on.</summary>
    public async Task<List<PathwayInstance>> InstancesAsync(string definitionId, DateTime createdFrom, CancellationToken cancellationToken)
    {
        var records = await db.Instances.AsNoTracking()
            .Where(i => i.DefinitionId == definitionId && i.CreatedAt >= createdFrom)
            .ToListAsync(cancellationToken);
        return records.ConvertAll(r =>
        {
            var state = JsonNode.Parse(r.State) as JsonObject;
            return new PathwayInstance(r, state?["variables"] as JsonObject ?? [], state?["output"] as JsonObject ?? []);
        });
    }

    /// <summary>The tasks the activity <paramref name="activityId"/> of these instances created.</summary>
    public Task<List<InboxTaskRecord>> TasksAsync(IReadOnlyCollection<string> instanceIds, string activityId, CancellationToken cancellationToken) =>
        db.Tasks.AsNoTracking().Where(t => instanceIds.Contains(t.InstanceId) && t.ActivityId == activityId).ToListAsync(cancellationToken);

    /// <summary>The history of these tasks with this action, oldest first.</summary>
    public Task<List<InboxTaskHistoryRecord>> HistoryAsync(IReadOnlyCollection<string> taskIds, string action, CancellationToken cancellationToken) =>
        db.TaskHistory.AsNoTracking().Where(h => taskIds.Contains(h.TaskId) && h.Action == action).OrderBy(h => h.Id).ToListAsync(cancellationToken);

    /// <summary>
    /// The patient and pathway name of each of these instances, as the first of its tasks that names a patient records
    /// them: an instance knows its patient only through the tasks it made for them.
    /// </summary>
    public async Task<Dictionary<string, (MetricPatient Patient, string? PathwayName)>> PatientsAsync(IReadOnlyCollection<string> instanceIds, CancellationToken cancellationToken)
    {
        var tasks = await db.Tasks.AsNoTracking()
            .Where(t => instanceIds.Contains(t.InstanceId) && (t.PatientId != null || t.PatientMrn != null || t.PatientName != null))
            .Select(t => new { t.InstanceId, t.PatientId, t.PatientMrn, t.PatientName, t.Pathway, t.CreatedAt, t.Id })
            .ToListAsync(cancellationToken);
        return tasks.GroupBy(t => t.InstanceId).ToDictionary(
            g => g.Key,
            g => g.OrderBy(t => t.CreatedAt).ThenBy(t => t.Id, StringComparer.Ordinal).Select(t => (new MetricPatient(t.PatientId, t.PatientMrn, t.PatientName), t.Pathway)).First());
    }
}

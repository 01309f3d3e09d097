namespace CareFlows.Server.Runtime;

/// <summary>
/// One scheduled firing of a published version's Timer, Cron or StartAt trigger. Every node computes the same
/// occurrences (from the version's publication time and the trigger), so the occurrence names the firing across nodes.
/// </summary>
/// <param name="DefinitionVersionId">The published version.</param>
/// <param name="ActivityId">The trigger activity.</param>
/// <param name="OccursAt">The scheduled time, in UTC.</param>
public readonly record struct TriggerOccurrence(string DefinitionVersionId, string ActivityId, DateTime OccursAt)
{
    /// <summary>
    /// The occurrence at <paramref name="occursAt"/> to the whole millisecond: databases keep times at different
    /// precisions (PostgreSQL to the microsecond), and the same occurrence must compare equal wherever it is read.
    /// </summary>
    public static TriggerOccurrence Of(string definitionVersionId, string activityId, DateTimeOffset occursAt)
    {
        var ticks = occursAt.UtcTicks;
        return new TriggerOccurrence(definitionVersionId, activityId, new DateTime(ticks - (ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc));
    }
}

using System.Text.Json.Nodes;

namespace CareFlows.Server.Runtime.Work.Tasks;

/// <summary>The outreach attempts logged on a task, as committed, oldest first.</summary>
internal static class TaskAttempts
{
    public static async Task<IReadOnlyList<JsonObject>> ReadAsync(BurstScope scope, string taskId) =>
        [.. (await scope.Snapshot.TaskAttemptsAsync(taskId)).Select(details => details is null ? null : JsonNode.Parse(details) as JsonObject).OfType<JsonObject>()];
}

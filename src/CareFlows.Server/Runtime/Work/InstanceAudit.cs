using System.Text.Json.Nodes;
using CareFlows.Engine.Execution;
using CareFlows.Server.Audit;

namespace CareFlows.Server.Runtime.Work;

/// <summary>How a request's change to an instance is recorded in the audit log.</summary>
internal static class InstanceAudit
{
    /// <summary>What the audit log keeps of an instance's state: where it stands, not its variables.</summary>
    public static JsonObject Describe(WorkflowState state) => new()
    {
        ["status"] = state.Status.ToString(),
        ["subStatus"] = state.SubStatus.ToString(),
        ["correlationId"] = state.CorrelationId,
        ["openBookmarks"] = state.Bookmarks.Count,
        ["incidents"] = state.Incidents.Count,
    };

    /// <summary>
    /// The record of <paramref name="operation"/> on the instance now in <paramref name="state"/>, which was
    /// <paramref name="before"/> (as <see cref="Describe"/> gave it; null for a new instance).
    /// </summary>
    public static AuditChange Change(string operation, string action, WorkflowState state, JsonObject? before, string? reason = null) =>
        new(operation, action, AuditEntityTypes.Instance, state.Id)
        {
            Before = before,
            After = Describe(state).With("reason", reason),
            DefinitionId = state.DefinitionId,
            DefinitionVersion = state.DefinitionVersion,
            InstanceId = state.Id,
        };

    private static JsonObject With(this JsonObject json, string name, string? value)
    {
        if (value is not null)
        {
            json[name] = value;
        }

        return json;
    }
}

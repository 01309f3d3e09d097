using System.Text.Json.Nodes;
using CareFlows.Server.Persistence.Entities;

namespace CareFlows.Server.Runtime;

/// <summary>
/// The rules a completion's outcome and data must keep for this task (its form and outcomes): the errors by JSON path,
/// or null when there are none. Checked on the task as the completion's burst reads it, so that the check and the
/// change are decided on the same state.
/// </summary>
public delegate IReadOnlyDictionary<string, string[]>? CompletionRules(InboxTaskRecord task, string? outcome, JsonNode? data);

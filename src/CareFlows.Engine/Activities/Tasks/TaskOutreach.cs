using System.Text.Json;
using System.Text.Json.Nodes;
using CareFlows.Engine.Definitions;
using CareFlows.Engine.Execution;

namespace CareFlows.Engine.Activities.Tasks;

/// <summary>
/// An outreach task's rule for attempts that do not reach the patient: after <see cref="EscalateAfter"/> of them the
/// task is escalated as <see cref="Escalate"/> says (reassign to a team, raise the priority, notify; the server does
/// that), and stays open so that attempts go on.
/// <code>{"escalateAfter": 3, "escalate": {"reassignTo": "rn-care-managers", "raisePriority": "urgent", "notify": ["team"]}}</code>
/// </summary>
public sealed record TaskOutreach(int EscalateAfter, JsonObject? Escalate)
{
    /// <summary>How many unsuccessful attempts escalate a task whose rule names no number.</summary>
    public const int DefaultEscalateAfter = 3;

    /// <summary>The attempt result that reaches the patient; every other result is unsuccessful.</summary>
    public const string Reached = "reached";

    /// <summary>Reads the rule; a malformed one is a fault naming what is wrong.</summary>
    public static TaskOutreach? Parse(JsonNode? outreach)
    {
        if (outreach is null)
        {
            return null;
        }

        if (outreach is not JsonObject rule)
        {
            throw Invalid("it must be an object.");
        }

        var after = DefaultEscalateAfter;
        if (JsonKeys.Get(rule, "escalateAfter") is JsonValue count)
        {
            after = count.GetValueKind() == JsonValueKind.Number && count.TryGetValue<int>(out var n) && n > 0
                ? n
                : throw Invalid("'escalateAfter' must be a whole number of attempts, 1 or more.");
        }

        var escalate = JsonKeys.Get(rule, "escalate");
        if (escalate is not (null or JsonObject))
        {
            throw Invalid("'escalate' must be an object.");
        }

        return new TaskOutreach(after, escalate as JsonObject);
    }

    public JsonObject ToJson() => new() { ["escalateAfter"] = EscalateAfter, ["escalate"] = Escalate?.DeepClone() };

    private static FaultException Invalid(string message) => new($"The task's outreach rule is not valid: {message}", code: null, category: null);
}

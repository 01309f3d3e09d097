using System.Text.Json.Nodes;

namespace CareFlows.Server.Features.Tasks;

/// <summary>The body of a completion.</summary>
/// <param name="Outcome">One of the task's outcomes; may be left out when it has only one.</param>
/// <param name="Data">The form's values by field key; for a generic task, its result.</param>
public sealed record CompleteTaskRequest(string? Outcome, JsonNode? Data);

/// <summary>The body of a reassignment: to a person, or to a team's queue.</summary>
/// <param name="User">The user id of the new owner.</param>
/// <param name="Team">The id of the team whose queue the task moves to.</param>
public sealed record ReassignTaskRequest(string? User, string? Team);

/// <summary>The body of a delegation: the colleague who takes over the owner's task.</summary>
public sealed record DelegateTaskRequest(string? User);

/// <summary>The body of a hold or a release.</summary>
public sealed record HoldTaskRequest(string? Reason);

/// <summary>A comment on a task.</summary>
public sealed record CommentTaskRequest(string? Text);

/// <summary>An outreach attempt: when, how, what came of it.</summary>
/// <param name="At">When the attempt was made; now when left out.</param>
/// <param name="Channel">phone, sms, email, portal, letter or in-person.</param>
/// <param name="Result">reached, no-answer, left-message, wrong-number or declined.</param>
/// <param name="Note">Anything worth keeping.</param>
public sealed record TaskAttemptRequest(DateTimeOffset? At, string? Channel, string? Result, string? Note)
{
    public static readonly IReadOnlyList<string> Channels = ["phone", "sms", "email", "portal", "letter", "in-person"];

    public static readonly IReadOnlyList<string> Results = ["reached", "no-answer", "left-message", "wrong-number", "declined"];
}

namespace CareFlows.Engine.Execution;

/// <summary>A fault recorded against an activity.</summary>
/// <param name="ActivityId">The activity that faulted.</param>
/// <param name="ActivityType">Its type name.</param>
/// <param name="Message">What went wrong, in plain language.</param>
/// <param name="ExceptionType">The kind of failure, for example <c>Fault</c> or <c>ExpressionEvaluation</c>.</param>
/// <param name="Code">A code the definition gave (Elsa.Fault's <c>code</c>), if any.</param>
/// <param name="Timestamp">When it happened, by the engine clock.</param>
public sealed record Incident(
    string ActivityId,
    string ActivityType,
    string Message,
    string ExceptionType,
    string? Code,
    DateTimeOffset Timestamp);

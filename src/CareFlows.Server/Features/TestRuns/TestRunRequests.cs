using System.Text.Json.Nodes;

namespace CareFlows.Server.Features.TestRuns;

/// <summary>Starts a test run.</summary>
/// <param name="Definition">The definition to run as the designer holds it (Elsa 3 JSON); the latest saved version when left out.</param>
/// <param name="Input">Test inputs, readable with <c>getInput(name)</c>.</param>
/// <param name="StartAt">The simulated moment the run starts at; now when left out.</param>
public sealed record StartTestRunRequest(JsonNode? Definition, JsonObject? Input, DateTimeOffset? StartAt);

/// <summary>Moves a test run's clock: to the next timer, by an amount, or to a moment (exactly one of them).</summary>
/// <param name="Next">True to move to the next timer that is waiting.</param>
/// <param name="By">How far to move, for example <c>2.00:00:00</c> for two days.</param>
/// <param name="To">The moment to move to.</param>
public sealed record AdvanceTestRunRequest(bool? Next, TimeSpan? By, DateTimeOffset? To);

/// <summary>Completes a test run's task as a coordinator would.</summary>
public sealed record CompleteTestTaskRequest(string? Outcome, JsonNode? Data);

/// <summary>Publishes an event inside a test run only.</summary>
public sealed record TestRunEventRequest(string? EventName, string? CorrelationKey, JsonNode? Payload);

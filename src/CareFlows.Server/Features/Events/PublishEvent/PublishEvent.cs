using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using CareFlows.Server.Runtime;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace CareFlows.Server.Features.Events.PublishEvent;

/// <summary>
/// Publishes a named event: it resumes every instance waiting for it (with this correlation key, when given) and
/// starts the instances its Event triggers start. With nobody waiting it is buffered until one gets there.
/// </summary>
/// <param name="EventName">The event, as Elsa.Event activities name it.</param>
/// <param name="CorrelationKey">Only instances waiting with this key are resumed; all waiting ones when absent.</param>
/// <param name="Payload">Any JSON; it becomes the Event activity's result.</param>
/// <param name="IdempotencyKey">An event with a key already seen is acknowledged but not applied again.</param>
/// <param name="Unheard">Buffer (the default) keeps an event nobody waits for until an instance gets there; Drop lets it go.</param>
public sealed record PublishEventCommand(string EventName, string? CorrelationKey, JsonNode? Payload, string? IdempotencyKey, UnheardEvents? Unheard = null)
    : ICommand<EventOutcome>
{
    /// <summary>The <c>Idempotency-Key</c> header, which may carry the key instead of the body.</summary>
    [JsonIgnore]
    [FromHeader(Name = "Idempotency-Key")]
    public string? IdempotencyKeyHeader { get; init; }
}

public sealed class PublishEventHandler(WorkflowRuntime runtime) : ICommandHandler<PublishEventCommand, EventOutcome>
{
    public async ValueTask<EventOutcome> Handle(PublishEventCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        return await runtime.PublishEventAsync(command.EventName, command.CorrelationKey, command.Payload, command.IdempotencyKey ?? command.IdempotencyKeyHeader, command.Unheard ?? UnheardEvents.Buffer, cancellationToken);
    }
}
